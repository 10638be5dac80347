/**
 * A closed-form FSRS-6 memory model for projections (the plan's future load, the forecast's "study next"
 * and the readiness benchmark's learners). The scheduler itself uses ts-fsrs; these formulas are the same
 * ones (FSRS-6, default parameters from ts-fsrs default_w) written out so thousands of cards can be
 * projected months ahead in a few milliseconds without creating Date objects.
 */

/** ts-fsrs default_w (FSRS-6). A test checks it against the library. */
export const DEFAULT_W: readonly number[] = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
  0.1542,
];

export function decayOf(w: readonly number[]): number {
  return -(w[20] ?? 0.1542);
}

function factorOf(decay: number): number {
  return Math.pow(0.9, 1 / decay) - 1;
}

/** Probability of recall after `days` at stability `s` (the FSRS-6 forgetting curve). */
export function recallProbability(days: number, s: number, w: readonly number[] = DEFAULT_W): number {
  if (!(s > 0)) return 0;
  const decay = decayOf(w);
  return Math.pow(1 + (factorOf(decay) * Math.max(0, days)) / s, decay);
}

/** Days until recall falls to `retention` (the interval the scheduler would choose, before fuzz and rounding). */
export function intervalDays(s: number, retention: number, w: readonly number[] = DEFAULT_W): number {
  const decay = decayOf(w);
  return (s / factorOf(decay)) * (Math.pow(retention, 1 / decay) - 1);
}

/** Initial stability after the first rating (1–4). */
export function initialStability(rating: number, w: readonly number[] = DEFAULT_W): number {
  return Math.max(0.01, w[rating - 1]!);
}

/** Initial difficulty after the first rating, clamped to 1–10. */
export function initialDifficulty(rating: number, w: readonly number[] = DEFAULT_W): number {
  return clampD(w[4]! - Math.exp(w[5]! * (rating - 1)) + 1);
}

function clampD(d: number): number {
  return Math.min(10, Math.max(1, d));
}

/** Difficulty after a review (FSRS-6: linear damping plus mean reversion towards the Easy initial difficulty). */
export function nextDifficulty(d: number, rating: number, w: readonly number[] = DEFAULT_W): number {
  const delta = -w[6]! * (rating - 3);
  const damped = d + (delta * (10 - d)) / 9;
  // The Easy initial difficulty is used unclamped here, as ts-fsrs does.
  const easyInit = w[4]! - Math.exp(w[5]! * 3) + 1;
  return clampD(w[7]! * easyInit + (1 - w[7]!) * damped);
}

/** Stability after a successful review (rating 2–4) at recall probability `r`. */
export function stabilityAfterRecall(s: number, d: number, r: number, rating: number, w: readonly number[] = DEFAULT_W): number {
  const hard = rating === 2 ? w[15]! : 1;
  const easy = rating === 4 ? w[16]! : 1;
  return s * (1 + Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp(w[10]! * (1 - r)) - 1) * hard * easy);
}

/** Stability after a lapse (Again) at recall probability `r`; never above the stability before. */
export function stabilityAfterLapse(s: number, d: number, r: number, w: readonly number[] = DEFAULT_W): number {
  const next = w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp(w[14]! * (1 - r));
  return Math.min(s, Math.max(0.01, next));
}

/** Stability after a same-day review (FSRS-6 short-term formula); a success never lowers it. */
export function stabilityShortTerm(s: number, rating: number, w: readonly number[] = DEFAULT_W): number {
  const inc = Math.exp(w[17]! * (rating - 3 + w[18]!)) * Math.pow(s, -w[19]!);
  return Math.max(0.01, s * (rating >= 2 ? Math.max(inc, 1) : inc));
}
