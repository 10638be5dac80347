import type { ResetMarker, ReviewLogRecord } from './records';
import {
  evaluate,
  historiesBefore,
  predictLater,
  reviewCount,
  splitTime,
  toHistories,
  toOptimizerInput,
  TRAIN_FRACTION,
  type Metrics,
  type OptimizerInput,
} from './optimizer';

/**
 * One optimisation, given a trainer (fsrs-browser's computeParameters in the worker, the same in node for the
 * test and the benchmark): train on the earlier part of the log, compare the trained and the current
 * parameters on the later part, and train on the whole log for the parameters to adopt.
 */

export interface OptimizeRequest {
  logs: readonly Pick<ReviewLogRecord, 'cardKey' | 'rating' | 'reviewedAt'>[];
  resets: readonly Pick<ResetMarker, 'cardKey' | 'reviewedAt'>[];
  timeZone: string;
  dayStartHour: number;
  /** The parameters the scheduler uses now (adopted ones, or the defaults). */
  current: readonly number[];
}

export interface Evaluation {
  reviews: number;
  /** The evaluation: parameters trained on the earlier part vs the current ones, both on the later part. */
  split: { cutoff: number; trainReviews: number; testReviews: number };
  trained: Metrics;
  previous: Metrics;
}

export interface OptimizeResult extends Evaluation {
  /** Trained on every review: what "Adopt" stores. */
  w: number[];
}

export type Trainer = (input: OptimizerInput) => ArrayLike<number>;

export interface Step {
  step: number;
  of: number;
  label: string;
}

export const STEPS = 4;

function historiesOf(request: OptimizeRequest) {
  return toHistories(request.logs, request.resets, request.timeZone, request.dayStartHour);
}

/** Steps 1–3: train on the earlier part, then score both parameter sets on the later part. */
export function evaluateOnSplit(request: OptimizeRequest, train: Trainer, onStep: (step: Step) => void = () => {}): Evaluation {
  onStep({ step: 1, of: STEPS, label: 'Reading your reviews' });
  const histories = historiesOf(request);
  const reviews = reviewCount(histories);
  const cutoff = splitTime(histories, TRAIN_FRACTION);
  const earlier = historiesBefore(histories, cutoff);
  const trainReviews = reviewCount(earlier);
  onStep({ step: 2, of: STEPS, label: `Training on your first ${trainReviews.toLocaleString('en')} reviews` });
  const wEarlier = Array.from(train(toOptimizerInput(earlier)));
  onStep({ step: 3, of: STEPS, label: 'Testing on your later reviews' });
  const trained = evaluate(predictLater(histories, cutoff, wEarlier));
  const previous = evaluate(predictLater(histories, cutoff, request.current));
  return { reviews, split: { cutoff, trainReviews, testReviews: reviews - trainReviews }, trained, previous };
}

/** Step 4: the parameters to adopt, trained on every review. Independent of the evaluation, so it can run beside it. */
export function trainOnAll(request: OptimizeRequest, train: Trainer): { w: number[]; reviews: number } {
  const histories = historiesOf(request);
  return { w: Array.from(train(toOptimizerInput(histories))), reviews: reviewCount(histories) };
}

/** The whole optimisation on one thread (node: the test and the benchmark). The app runs the two halves in two workers. */
export function optimize(request: OptimizeRequest, train: Trainer, onStep: (step: Step) => void = () => {}): OptimizeResult {
  const evaluation = evaluateOnSplit(request, train, onStep);
  onStep({ step: 4, of: STEPS, label: `Training on all ${evaluation.reviews.toLocaleString('en')} reviews` });
  const { w } = trainOnAll(request, train);
  return { ...evaluation, w };
}
