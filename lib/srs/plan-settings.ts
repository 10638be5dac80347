import '../zod-config';
import { z } from 'zod';

/**
 * The learner's exam plan settings: the exam date, a daily time budget and lighter weekdays. They live in
 * the same settings row as the review settings (`srs`), so they travel with an export. That row's value
 * was unversioned (version 1: the four scheduler fields only); version 2 adds `version: 2` and `plan`.
 * `migrateSrsValue` turns any stored value into the current version; older readers of the row ignore the
 * extra fields, so a version-2 row still gives them the review settings.
 */

export const SRS_VALUE_VERSION = 2;

export const PLAN_LIMITS = {
  dailyMinutes: { min: 5, max: 600 },
  /** An easy day gets this share of the daily budget. */
  easyDayShare: { min: 0, max: 1 },
} as const;

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-24');
const weekday = z.number().int().min(0).max(6);

export const planSettingsSchema = z.object({
  /** The exam day as a calendar date in the learner's zone, or null when no exam is booked. */
  examDate: dayKey.nullable(),
  dailyMinutes: z.number().int().min(PLAN_LIMITS.dailyMinutes.min).max(PLAN_LIMITS.dailyMinutes.max),
  /** Lighter weekdays, 0 = Sunday … 6 = Saturday. */
  easyDays: z.array(weekday).max(7),
  easyDayShare: z.number().min(0).max(1),
});
export type PlanSettings = z.infer<typeof planSettingsSchema>;

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { examDate: null, dailyMinutes: 30, easyDays: [], easyDayShare: 0.5 };

/** The stored value of the `srs` row at version 2 (the scheduler fields are validated by parseSrsSettings). */
export const srsValueV2Schema = z.looseObject({ version: z.literal(2), plan: z.unknown() });

function validDate(key: string): boolean {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Reads plan settings field by field: a damaged field falls back to its default and the others are kept,
 * so a hand-edited or partly corrupt import never loses the learner's exam date.
 */
export function normalisePlanSettings(input: unknown): PlanSettings {
  const out: PlanSettings = { ...DEFAULT_PLAN_SETTINGS, easyDays: [] };
  if (typeof input !== 'object' || input === null) return out;
  const raw = input as Record<string, unknown>;
  const date = dayKey.safeParse(raw.examDate);
  if (date.success && validDate(date.data)) out.examDate = date.data;
  if (typeof raw.dailyMinutes === 'number' && Number.isFinite(raw.dailyMinutes)) {
    out.dailyMinutes = Math.round(Math.min(PLAN_LIMITS.dailyMinutes.max, Math.max(PLAN_LIMITS.dailyMinutes.min, raw.dailyMinutes)));
  }
  if (Array.isArray(raw.easyDays)) out.easyDays = [...new Set(raw.easyDays.filter((d): d is number => weekday.safeParse(d).success))].sort((a, b) => a - b);
  if (typeof raw.easyDayShare === 'number' && Number.isFinite(raw.easyDayShare)) out.easyDayShare = Math.min(1, Math.max(0, Math.round(raw.easyDayShare * 100) / 100));
  return out;
}

/**
 * Migrates a stored `srs` value to version 2. Version 1 (no `version` field) had no plan: it gets the
 * default plan, and every scheduler field is carried over untouched. Anything unreadable becomes an empty
 * version-2 value rather than being dropped by the caller.
 */
export function migrateSrsValue(value: unknown): { version: 2; plan: PlanSettings } & Record<string, unknown> {
  const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const v2 = srsValueV2Schema.safeParse(obj);
  if (v2.success) return { ...obj, version: 2, plan: normalisePlanSettings(v2.data.plan) };
  // Version 1 → 2: keep the scheduler fields, add the default plan.
  return { ...obj, version: 2, plan: { ...DEFAULT_PLAN_SETTINGS, easyDays: [] } };
}

export function parsePlanSettings(value: unknown): PlanSettings {
  return migrateSrsValue(value).plan;
}
