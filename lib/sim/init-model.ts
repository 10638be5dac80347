/**
 * How long INIT (a cold start) takes, from the typical medians in lambda-facts.md: hello-world Node.js about
 * 0.2 s, Python 0.24 s, Java 0.36 s, .NET 1.2 s; the package dominates as it grows (16 MB about 0.7 s,
 * 64 MB about 3 s). These are teaching values, not a benchmark: each cold start varies ±10 % around them.
 */
import type { Runtime } from './schema';

export function runtimeBaseInitMs(runtime: Runtime): number {
  if (runtime.startsWith('nodejs')) return 200;
  if (runtime.startsWith('python')) return 240;
  if (runtime.startsWith('java')) return 360;
  return 1200; // dotnet
}

/**
 * Extra INIT time for the package, piecewise linear through the fact-sheet points for a Node.js function
 * (0.7 s total at 16 MB, 3 s at 64 MB) and extended at the 16–64 MB slope beyond that.
 */
export function packageInitMs(packageSizeMb: number): number {
  const s = Math.max(0, packageSizeMb);
  if (s <= 16) return (s / 16) * 500;
  return 500 + ((s - 16) / 48) * 2300;
}

/** Median INIT time for a function (before per-start variation). */
export function medianInitMs(runtime: Runtime, packageSizeMb: number): number {
  return runtimeBaseInitMs(runtime) + packageInitMs(packageSizeMb);
}

/** Default "Max Memory Used" shown in REPORT lines when a scenario does not set one. */
export function defaultMemoryUsedMb(runtime: Runtime, packageSizeMb: number, memoryMb: number): number {
  const base = runtime.startsWith('java') ? 90 : runtime.startsWith('dotnet') ? 70 : runtime.startsWith('python') ? 40 : 60;
  return Math.min(memoryMb, Math.round(base + packageSizeMb));
}

/**
 * On-demand functions get 10 s for INIT. Past that, Lambda stops INIT and runs it again inside the first
 * invocation, where it counts against the function timeout (provisioned concurrency and SnapStart get longer).
 */
export const ON_DEMAND_INIT_LIMIT_MS = 10_000;

export interface ColdStartPlan {
  /** Length of the INIT phase itself (at most the limit for on-demand environments). */
  initPhaseMs: number;
  /** Length of the invoke phase: the handler, plus a retried INIT when the first one ran out of time. */
  invokeMs: number;
  /** True when INIT hit the limit and was retried inside the invocation. */
  retriedInInvoke: boolean;
  /** True when the retried INIT plus the handler ran past the function timeout. */
  timedOut: boolean;
}

/** Plans a cold start; pure, so the 10-second rule can be tested on its own. */
export function planColdStart(initMs: number, handlerMs: number, timeoutMs: number, onDemand: boolean): ColdStartPlan {
  if (!onDemand || initMs <= ON_DEMAND_INIT_LIMIT_MS) return { initPhaseMs: initMs, invokeMs: handlerMs, retriedInInvoke: false, timedOut: false };
  const invoke = initMs + handlerMs;
  if (invoke >= timeoutMs) return { initPhaseMs: ON_DEMAND_INIT_LIMIT_MS, invokeMs: timeoutMs, retriedInInvoke: true, timedOut: true };
  return { initPhaseMs: ON_DEMAND_INIT_LIMIT_MS, invokeMs: invoke, retriedInInvoke: true, timedOut: false };
}
