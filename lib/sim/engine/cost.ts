/**
 * Rule 21 applied to the run: each finished invocation is charged its billed duration (INIT included on a
 * cold start), and the run's cost is priced from the per-function totals. Prices and rounding are in
 * ../billing.ts.
 */
import * as billing from '../billing';
import type { FnState, Inv } from '../model';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { billedMs, computeCost, gbSeconds } = billing;

export interface RunCost {
  perFn: number[];
  requestUsd: number;
  computeUsd: number;
  totalUsd: number;
  freeTierApplied: boolean;
}

/** Adds one finished invocation to its function's billed time; returns the billed milliseconds. */
export function chargeInvocation(fn: FnState, inv: Inv): number {
  const initBilled = inv.cold ? inv.initMs : 0;
  const billed = billedMs(initBilled, inv.durMs);
  fn.billedMs += billed;
  fn.initMsTotal += initBilled;
  return billed;
}

/** Requests and GB-seconds of every function so far, priced (the free tier spans all functions). */
export function runCost(fns: readonly FnState[], freeTier: boolean): RunCost {
  const lines = fns.map((fn) => ({ requests: fn.inv, gbSeconds: gbSeconds(fn.billedMs, fn.memoryMb), architecture: fn.cfg.architecture }));
  const c = computeCost(lines, freeTier);
  return { perFn: c.perLine, requestUsd: c.requestUsd, computeUsd: c.computeUsd, totalUsd: c.totalUsd, freeTierApplied: c.freeTierApplied };
}
