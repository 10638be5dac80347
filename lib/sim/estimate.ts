/**
 * Up-front size check: how much work a scenario would take to simulate, so a scenario that would run for many
 * minutes (a month of 1,000 requests a second, say) is refused with the estimate and the limit instead of
 * freezing the page. The estimate is deliberately simple: expected arrivals from each workload pattern times
 * the engine events one arrival costs (it arrives, it ends), at a conservative browser engine speed.
 */
import type { Pattern } from './schema';

/** Engine events one arrival costs: the arrival itself and the end of its invocation. */
export const EVENTS_PER_ARRIVAL = 2;
/** Engine events per second assumed for a browser Web Worker (node runs the benchmark about twice as fast). */
export const ASSUMED_EVENTS_PER_SECOND = 2_000_000;
/** The longest run accepted, in wall-clock seconds at the assumed speed ("a few minutes"). */
export const MAX_SIMULATION_SECONDS = 180;
export const MAX_ESTIMATED_EVENTS = ASSUMED_EVENTS_PER_SECOND * MAX_SIMULATION_SECONDS;

/** Expected number of events a pattern produces before `durationSeconds`. */
export function expectedArrivals(p: Pattern, durationSeconds: number): number {
  const clip = (from: number, to: number) => Math.max(0, Math.min(to, durationSeconds) - Math.max(0, from));
  switch (p.type) {
    case 'single':
      return p.atSeconds < durationSeconds ? 1 : 0;
    case 'constant':
    case 'poisson':
      return p.ratePerSecond * clip(p.startSeconds ?? 0, p.endSeconds ?? durationSeconds);
    case 'burst': {
      if (p.atSeconds >= durationSeconds) return 0;
      const repeats = p.repeatEverySeconds ? Math.floor((durationSeconds - p.atSeconds) / p.repeatEverySeconds) + 1 : 1;
      return p.count * repeats;
    }
    case 'steps': {
      let n = 0;
      p.steps.forEach((s, i) => {
        const next = p.steps[i + 1]?.atSeconds ?? durationSeconds;
        n += s.ratePerSecond * clip(s.atSeconds, next);
      });
      return n;
    }
    case 'ramp':
      return ((p.fromRate + p.toRate) / 2) * clip(p.startSeconds, p.endSeconds);
    case 'daily':
      return ((p.minRate + p.maxRate) / 2) * durationSeconds;
    case 'list':
      return p.events.reduce((n, e) => n + (e.atSeconds < durationSeconds ? (e.count ?? 1) : 0), 0);
  }
}

export interface WorkEstimate {
  arrivals: number;
  events: number;
  /** Estimated wall-clock seconds in the browser. */
  seconds: number;
  tooLarge: boolean;
}

export function estimateWork(patterns: Pattern[], durationSeconds: number): WorkEstimate {
  const arrivals = patterns.reduce((n, p) => n + expectedArrivals(p, durationSeconds), 0);
  const events = arrivals * EVENTS_PER_ARRIVAL;
  return { arrivals, events, seconds: events / ASSUMED_EVENTS_PER_SECOND, tooLarge: events > MAX_ESTIMATED_EVENTS };
}
