/**
 * The numbers ts-fsrs uses for states and ratings, restated here so the queue, the stats and the UI can
 * work with cards without loading ts-fsrs (a test checks they match the library's enums).
 */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardStateValue = (typeof CardState)[keyof typeof CardState];

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type RatingValue = (typeof Rating)[keyof typeof Rating];
export const RATING_LABELS: Record<RatingValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** A card that has lapsed this many times is a leech: the learner is sent back to its lesson (Anki's default threshold). */
export const LEECH_LAPSES = 8;

export interface SrsSettings {
  /** FSRS desired retention: the probability of recall the scheduler aims for at each review. */
  desiredRetention: number;
  /** New cards introduced per learner-day. */
  newPerDay: number;
  /** Reviews of already-learned cards per learner-day; the rest wait for tomorrow. */
  maxReviewsPerDay: number;
  /** The hour (local time, 0–23) at which the learner's day rolls over, as in Anki. */
  dayStartHour: number;
}

/** The review settings are one row of the settings table under this key, so they travel with an export. */
export const SRS_SETTINGS_KEY = 'srs';

export const DEFAULT_SRS_SETTINGS: SrsSettings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  dayStartHour: 4,
};

export const SETTINGS_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newPerDay: { min: 0, max: 200 },
  maxReviewsPerDay: { min: 10, max: 9999 },
  dayStartHour: { min: 0, max: 23 },
} as const;

/** Clamps each field into its range, so a hand-edited or imported setting can never break scheduling. */
export function normaliseSettings(input: Partial<Record<keyof SrsSettings, unknown>> | undefined): SrsSettings {
  const out = { ...DEFAULT_SRS_SETTINGS };
  if (!input) return out;
  for (const key of Object.keys(SETTINGS_LIMITS) as (keyof SrsSettings)[]) {
    const raw = input[key];
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
    const { min, max } = SETTINGS_LIMITS[key];
    const clamped = Math.min(max, Math.max(min, raw));
    out[key] = key === 'desiredRetention' ? Math.round(clamped * 100) / 100 : Math.round(clamped);
  }
  return out;
}

/** Learning steps: a new card comes back after 1 minute, then 10 minutes, before it graduates (ts-fsrs defaults, as in Anki). */
export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;
/** Learning cards due within this window are shown early once nothing else is left, as Anki's "learn ahead limit" does. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
