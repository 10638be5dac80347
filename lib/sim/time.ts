/**
 * Wall-clock formatting for virtual time. lib/sim may not construct Date objects (runs must not depend on
 * the host clock or time zone), so ISO strings are computed from epoch milliseconds by hand.
 */

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}

/** Parses "YYYY-MM-DDTHH:MM:SS(.sss)Z" to epoch ms. */
export function parseIsoUtc(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/.exec(s);
  if (!m) throw new Error(`not an ISO UTC time: ${s}`);
  const [, y, mo, d, h, mi, se, frac] = m;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  const msPart = frac ? Number(frac.padEnd(3, '0')) : 0;
  return ((days * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Number(se) * 1000 + msPart;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats epoch ms as an ISO UTC string with milliseconds, like Date.prototype.toISOString. */
export function formatIsoUtc(epochMs: number): string {
  const t = Math.floor(epochMs);
  const days = Math.floor(t / 86_400_000);
  let rem = t - days * 86_400_000;
  const [y, m, d] = civilFromDays(days);
  const h = Math.floor(rem / 3_600_000);
  rem -= h * 3_600_000;
  const mi = Math.floor(rem / 60_000);
  rem -= mi * 60_000;
  const s = Math.floor(rem / 1000);
  const ms = rem - s * 1000;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}Z`;
}

/** "2026/03/01" for log stream names. */
export function formatLogDate(epochMs: number): string {
  return formatIsoUtc(epochMs).slice(0, 10).replace(/-/g, '/');
}

/** Human-readable virtual time: "250 ms", "2.50 s", "1 min 05 s", "2 h 03 min" (one implementation, in lib/format). */
export { formatPreciseDuration as formatDuration } from '../format';
