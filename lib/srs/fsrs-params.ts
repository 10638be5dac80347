import '../zod-config';
import { z } from 'zod';

/**
 * FSRS parameters trained on the learner's own reviews and adopted by them (Review settings → Train on my
 * reviews). One row of the settings table (`fsrs-params`), so they travel with an export without a new table
 * or a new export format. Absent, or unreadable, means the FSRS-6 defaults. Version 1.
 */
export const FSRS_PARAMS_KEY = 'fsrs-params';
export const FSRS_PARAMS_VERSION = 1;

const finite = z.number().finite();
const metricsSchema = z.object({ logLoss: finite.nonnegative(), rmseBins: finite.nonnegative(), count: z.number().int().nonnegative() });

export const fsrsParamsSchema = z.object({
  version: z.literal(FSRS_PARAMS_VERSION),
  /** The 21 FSRS-6 weights. */
  w: z.array(finite).length(21),
  /** When they were trained (epoch ms). */
  trainedAt: z.number().int().nonnegative(),
  /** Reviews in the log they were trained on (the "train again when it doubles" offer counts from here). */
  reviews: z.number().int().nonnegative(),
  /** The comparison the learner saw when adopting them, on their later reviews. */
  evaluation: z.object({ trained: metricsSchema, previous: metricsSchema }).optional(),
});
export type FsrsParams = z.infer<typeof fsrsParamsSchema>;

/** Migrations keyed by the version they upgrade from (none yet: version 1 is the first). */
export const FSRS_PARAMS_MIGRATIONS: Record<number, (value: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The stored row's value, or null for "use the defaults". A row that does not validate is left where it is
 * (never deleted) and reads as null, so a damaged row cannot break reviewing.
 */
export function parseFsrsParams(value: unknown): FsrsParams | null {
  if (typeof value !== 'object' || value === null) return null;
  let v = value as Record<string, unknown>;
  while (typeof v.version === 'number' && v.version < FSRS_PARAMS_VERSION) {
    const step = FSRS_PARAMS_MIGRATIONS[v.version];
    if (!step) return null;
    v = step(v);
  }
  const parsed = fsrsParamsSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}
