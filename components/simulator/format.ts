/** Display formatting for the simulator: virtual times, counts and money. */

/** Virtual ms as m:ss.s (or h:mm:ss for long runs). */
export function formatClock(ms: number, withTenths = true): string {
  const neg = ms < 0;
  const t = Math.abs(ms) / 1000;
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const ss = withTenths ? s.toFixed(1).padStart(4, '0') : String(Math.floor(s)).padStart(2, '0');
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return neg ? `-${body}` : body;
}

/** A duration in words for screen readers and narration ("2 min 5 s"). */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

// Built on first use, as constructing a NumberFormat loads locale data the simulator's first paint does not need.
let intFmt: Intl.NumberFormat | undefined;
export function formatInt(n: number): string {
  return (intFmt ??= new Intl.NumberFormat('en-US')).format(Math.round(n));
}

export function formatCompact(n: number): string {
  if (Math.abs(n) < 10_000) return formatInt(n);
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** US dollars with enough digits to show sub-cent amounts. */
export function formatUsd(x: number): string {
  if (x === 0) return '$0.00';
  if (Math.abs(x) >= 1) return `$${x.toFixed(2)}`;
  if (Math.abs(x) >= 0.01) return `$${x.toFixed(4)}`;
  return `$${x.toPrecision(3)}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms >= 10_000) return formatSpan(ms);
  return `${ms >= 100 ? Math.round(ms) : ms.toFixed(1)} ms`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}
