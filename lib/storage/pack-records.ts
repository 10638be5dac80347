import '../zod-config';
import { z } from 'zod';
import { checkMarkdown } from '../packs/markdown';
import { PACK_FORMAT_SCENARIOS, packSchema, type Pack } from '../packs/schema';
import { VALIDATED_STORES } from './records';
import { validatedReaders } from './validated';

/**
 * Imported question packs and the learner's enabled/disabled choice per pack (built-in or imported).
 *
 * A pack record is re-validated every time it is read: the file was checked on import, but a record can
 * also arrive from a learner-data export (a file anyone could edit) or a damaged database. So the read
 * schema repeats the checks that keep a pack inert (safe Markdown, http(s) references) and the ones the
 * app relies on (unique question ids, since progress is keyed by them). A record that fails is quarantined.
 *
 * Pack format 2 (simulator scenarios) added one optional field inside `pack` and left the record itself as it
 * was, so records stay `v: 1`: every record written before still validates unchanged (tested), and there is
 * nothing to migrate. A change to the record's own fields would add `v: 2` with a migration step.
 */

export const PACK_SOURCE_FORMATS = ['yaml', 'json', 'gift', 'aiken', 'csv'] as const;
export type PackSourceFormat = (typeof PACK_SOURCE_FORMATS)[number];

/** Every Markdown field of a pack, with its path, for the safety re-check. */
export function packMarkdownFields(pack: Pack): Array<{ path: (string | number)[]; text: string }> {
  const fields: Array<{ path: (string | number)[]; text: string }> = [{ path: ['title'], text: pack.title }];
  if (pack.description !== undefined) fields.push({ path: ['description'], text: pack.description });
  if (pack.exam) fields.push({ path: ['exam', 'title'], text: pack.exam.title });
  pack.questions.forEach((q, qi) => {
    fields.push({ path: ['questions', qi, 'stem'], text: q.stem });
    if (q.explanation !== undefined) fields.push({ path: ['questions', qi, 'explanation'], text: q.explanation });
    q.options.forEach((o, oi) => {
      fields.push({ path: ['questions', qi, 'options', oi, 'text'], text: o.text });
      if (o.why !== undefined) fields.push({ path: ['questions', qi, 'options', oi, 'why'], text: o.why });
    });
  });
  return fields;
}

/** The pack schema plus the rules a stored pack must still satisfy. */
export const storedPackSchema = packSchema.superRefine((pack, ctx) => {
  const seen = new Set<string>();
  pack.questions.forEach((q, qi) => {
    if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', qi, 'id'], message: `duplicate question id "${q.id}"` });
    seen.add(q.id);
  });
  // Questions link to scenarios by id, and only format 2 carries them (the validator's rules, repeated for edited backups).
  const scenarioIds = new Set<string>();
  pack.scenarios?.forEach((sc, si) => {
    if (scenarioIds.has(sc.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', si, 'id'], message: `duplicate scenario id "${sc.id}"` });
    scenarioIds.add(sc.id);
  });
  if (pack.scenarios !== undefined && pack.format !== PACK_FORMAT_SCENARIOS) ctx.addIssue({ code: 'custom', path: ['format'], message: `a pack with scenarios is format ${PACK_FORMAT_SCENARIOS}` });
  for (const field of packMarkdownFields(pack)) {
    const issue = checkMarkdown(field.text)[0];
    if (issue) ctx.addIssue({ code: 'custom', path: field.path, message: issue.message });
  }
});

const timestamp = z.number().int().nonnegative();

export const packRecordSchema = z
  .object({
    v: z.literal(1),
    id: packSchema.shape.id,
    version: packSchema.shape.version,
    importedAt: timestamp,
    source: z.object({
      fileName: z.string().max(300),
      format: z.enum(PACK_SOURCE_FORMATS),
    }),
    pack: storedPackSchema,
  })
  .refine((r) => r.pack.id === r.id && r.pack.version === r.version, { message: 'the record id and version must match the pack it holds', path: ['pack'] });
export type PackRecord = z.infer<typeof packRecordSchema>;

export const packSettingSchema = z.object({
  v: z.literal(1),
  packId: packSchema.shape.id,
  enabled: z.boolean(),
  updatedAt: timestamp,
});
export type PackSetting = z.infer<typeof packSettingSchema>;

/** Every validated store, the pack stores with the core ones: what export, import and the Packs page read. */
export const ALL_VALIDATED_STORES = {
  ...VALIDATED_STORES,
  packs: { schema: packRecordSchema, key: (r: PackRecord) => r.id },
  packSettings: { schema: packSettingSchema, key: (r: PackSetting) => r.packId },
} as const;
export type ValidatedStoreName = keyof typeof ALL_VALIDATED_STORES;

/** The validated reads over every store (lib/storage/validated.ts has those over the core stores alone). */
export const { partitionValid: partitionAnyValid, readValidated: readAnyValidated } = validatedReaders(ALL_VALIDATED_STORES);
