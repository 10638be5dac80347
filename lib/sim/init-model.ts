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
