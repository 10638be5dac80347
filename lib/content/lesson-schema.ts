import '../zod-config';
import { z } from 'zod';
import { DOMAIN_IDS, type DomainId } from './domains';
import { MODULE_IDS } from './modules';
import { SEED_SECTION_IDS } from './seed-sections';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "async-invocation"');

export const keyFactSchema = z.object({
  /** Stable id: flashcard progress is keyed by lesson slug + this id. */
  id: slug,
  /** Front of the flashcard: a question or cue. */
  prompt: z.string().min(8).max(300),
  /** Back of the flashcard: the precise fact. */
  answer: z.string().min(1).max(600),
});

export const referenceSchema = z.object({
  title: z.string().min(3),
  url: z.url().refine((u) => u.startsWith('https://'), 'must be an https URL'),
});

/** Lesson frontmatter, version 1. Bad or missing fields fail the build with file and field named. */
export const lessonFrontmatterSchema = z
  .object({
    slug,
    title: z.string().min(3).max(120),
    summary: z.string().min(20).max(400),
    module: z.enum(MODULE_IDS),
    order: z.number().int().min(1).max(999),
    domains: z
      .array(z.number().int().refine((n): n is DomainId => (DOMAIN_IDS as readonly number[]).includes(n), 'must be an SOA-C03 domain 1–5'))
      .min(1),
    objectives: z.array(z.string().min(8)).min(2).max(10),
    minutes: z.number().int().min(2).max(120),
    seedSections: z.array(z.enum(SEED_SECTION_IDS)).min(1),
    keyFacts: z.array(keyFactSchema).min(3).max(20),
    references: z.array(referenceSchema).min(1),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type KeyFact = z.infer<typeof keyFactSchema>;

/** Turns zod issues into "file: field: message" lines, so an author can fix a lesson without reading a stack trace. */
export function formatFrontmatterIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: frontmatter field "${issue.path.join('.') || '(root)'}": ${issue.message}`)
    .join('\n');
}
