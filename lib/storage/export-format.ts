import '../zod-config';
import { z } from 'zod';
import { packRecordSchema, packSettingSchema } from './pack-records';
import { lessonProgressSchema, quarantineSchema, settingSchema } from './records';
import { cardRecordSchema, reviewTableRecordSchema } from '../srs/records';
import { storedAttemptSchema } from '../exam/attempt-schema';
import { parseJsonGuarded } from '../json-guard';

/**
 * The learner's export file. `version` is the file format; each older version has a migration to
 * the next, so a file exported by any release can be imported by every later one.
 */
export const EXPORT_KIND = 'lambda-ops-lab/learner-data';
export const EXPORT_VERSION = 1;

export const exportFileSchema = z.object({
  kind: z.literal(EXPORT_KIND),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.number().int().nonnegative(),
  app: z.string().optional(),
  data: z.object({
    lessonProgress: z.array(lessonProgressSchema).default([]),
    // Includes the lab passes (key "labPasses", lib/labs/passes.ts), which import merges instead of replacing.
    settings: z.array(settingSchema).default([]),
    quarantine: z.array(quarantineSchema).default([]),
    // Imported question packs and which packs are switched on; absent from files made before packs existed.
    packs: z.array(packRecordSchema).default([]),
    packSettings: z.array(packSettingSchema).default([]),
    // Spaced-repetition cards and the review log; absent from files made before reviews existed.
    cards: z.array(cardRecordSchema).default([]),
    // Reset markers (card reset) travel in the same list as the reviews they follow.
    reviews: z.array(reviewTableRecordSchema).default([]),
    // Practice-exam attempts; absent from files made before exams existed.
    examAttempts: z.array(storedAttemptSchema).default([]),
  }),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/** Migrations keyed by the version they upgrade from. Empty until format 2 exists. */
export const EXPORT_MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

export type ParseExportResult = { ok: true; file: ExportFile } | { ok: false; error: string };

const MAX_EXPORT_CHARS = 50 * 1024 * 1024;
/** A real export nests about 9 levels (a pack inside a pack record inside the file); 32 leaves room for settings. */
export const MAX_EXPORT_DEPTH = 32;

/**
 * Parses an export file from text, migrating older versions; every failure is a sentence a learner can act on.
 * Never throws: a hostile file gets an answer too, and the learner's current data is never touched.
 */
export function parseExportFile(text: string): ParseExportResult {
  try {
    return parseExportText(text);
  } catch (error) {
    return { ok: false, error: `This file could not be read as an export (${error instanceof Error ? error.message : String(error)}). Nothing was imported, and your current data is unchanged.` };
  }
}

function parseExportText(text: string): ParseExportResult {
  const json = parseJsonGuarded(text, { maxChars: MAX_EXPORT_CHARS, maxDepth: MAX_EXPORT_DEPTH });
  if (!json.ok) {
    if (json.reason === 'too-large') return { ok: false, error: 'This file is larger than 50 MB, too large to be a Lambda Ops Lab export.' };
    if (json.reason === 'too-deep') {
      return { ok: false, error: `This file is nested more than ${MAX_EXPORT_DEPTH} levels deep; a Lambda Ops Lab export needs about 9. It was not imported, and your current data is unchanged.` };
    }
    return { ok: false, error: 'This file is not JSON, so it is not a Lambda Ops Lab export. Choose the .json file the Export button saved.' };
  }
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || (raw as { kind?: unknown }).kind !== EXPORT_KIND) {
    return { ok: false, error: 'This JSON file is not a Lambda Ops Lab export (it has no "kind": "lambda-ops-lab/learner-data").' };
  }
  let file = raw as Record<string, unknown>;
  const declared = file.version;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    return { ok: false, error: 'The export has no valid format version.' };
  }
  let version: number = declared;
  if (version > EXPORT_VERSION) {
    return { ok: false, error: `This export was made by a newer version of the app (format ${version}); this version reads up to format ${EXPORT_VERSION}. Reload the app to update it.` };
  }
  while (version < EXPORT_VERSION) {
    const step = EXPORT_MIGRATIONS[version];
    if (!step) return { ok: false, error: `No migration from export format ${version}.` };
    file = step(file);
    version = file.version as number;
  }
  const parsed = exportFileSchema.safeParse(file);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    return { ok: false, error: `The export is damaged and was not imported (${parsed.error.issues.length} problem(s), e.g. ${first.join('; ')}). Your current data is unchanged.` };
  }
  return { ok: true, file: parsed.data };
}

export interface ImportPreview {
  counts: Record<keyof ExportFile['data'], number>;
  exportedAt: number;
}

export function previewExport(file: ExportFile): ImportPreview {
  return {
    exportedAt: file.exportedAt,
    counts: {
      lessonProgress: file.data.lessonProgress.length,
      settings: file.data.settings.length,
      quarantine: file.data.quarantine.length,
      packs: file.data.packs.length,
      packSettings: file.data.packSettings.length,
      cards: file.data.cards.length,
      reviews: file.data.reviews.length,
      examAttempts: file.data.examAttempts.length,
    },
  };
}
