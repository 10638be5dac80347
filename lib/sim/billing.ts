/**
 * Prices from ../shared/lambda-facts.md (rule 21). Billed duration is rounded up to the next millisecond,
 * INIT is billed, and a timeout bills the full timeout.
 */
export const PRICE_PER_REQUEST = 0.2 / 1_000_000;
export const PRICE_PER_GB_SECOND = { x86_64: 0.0000166667, arm64: 0.0000133334 } as const;
export const FREE_TIER_REQUESTS = 1_000_000;
export const FREE_TIER_GB_SECONDS = 400_000;

export type Architecture = keyof typeof PRICE_PER_GB_SECOND;

/** Billed milliseconds for one invocation: ceil(init + duration). */
export function billedMs(initMs: number, durationMs: number): number {
  // The small epsilon keeps 48.000000001 (floating-point noise) from billing as 49.
  return Math.ceil(initMs + durationMs - 1e-9);
}

export function gbSeconds(billedMsTotal: number, memoryMb: number): number {
  return (billedMsTotal / 1000) * (memoryMb / 1024);
}

export interface CostLine {
  requests: number;
  gbSeconds: number;
  architecture: Architecture;
}

export interface CostBreakdown {
  requestUsd: number;
  computeUsd: number;
  totalUsd: number;
  freeTierApplied: boolean;
}

/**
 * Cost for a set of functions. The free tier is account-wide, so it is applied across all lines: requests
 * first, then GB-seconds in the order given (a documented simplification: AWS applies it to the monthly bill).
 */
export function computeCost(lines: CostLine[], freeTier: boolean): CostBreakdown & { perLine: number[] } {
  let freeRequests = freeTier ? FREE_TIER_REQUESTS : 0;
  let freeGbs = freeTier ? FREE_TIER_GB_SECONDS : 0;
  let requestUsd = 0;
  let computeUsd = 0;
  const perLine: number[] = [];
  for (const l of lines) {
    const billableReq = Math.max(0, l.requests - freeRequests);
    freeRequests = Math.max(0, freeRequests - l.requests);
    const billableGbs = Math.max(0, l.gbSeconds - freeGbs);
    freeGbs = Math.max(0, freeGbs - l.gbSeconds);
    const r = billableReq * PRICE_PER_REQUEST;
    const c = billableGbs * PRICE_PER_GB_SECOND[l.architecture];
    requestUsd += r;
    computeUsd += c;
    perLine.push(r + c);
  }
  return { requestUsd, computeUsd, totalUsd: requestUsd + computeUsd, freeTierApplied: freeTier, perLine };
}
