import '../zod-config';
import { z } from 'zod';
import { scenarioSchema } from '../sim/schema';
import { blueprintSchema, LIMITS, PACK_FORMATS, questionSchema, slugSchema } from './question-schema';

export * from './question-schema';

/**
 * The question-pack format (docs/authoring-packs.md documents every field), questions and scenarios.
 * This schema is the single definition: the validator CLI, the build and browser import all parse with it,
 * and the TypeScript types below are derived from it.
 */

/**
 * A pack's own simulator scenario: exactly the simulator's scenario format (lib/sim/schema.ts, the shape of
 * content/scenarios/*.json and docs/scenario.schema.json), so its id, title, story and afterRun are the
 * scenario's own fields and the simulator runs it unchanged. A question links to it with `simulation: <id>`.
 */
export const packScenarioSchema = scenarioSchema;

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMATS),
    id: slugSchema,
    title: z.string().trim().min(3).max(160),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
    author: z.string().trim().min(1).max(160),
    license: z.string().trim().max(80).optional(),
    description: z.string().trim().max(8000).optional(),
    exam: blueprintSchema.optional(),
    questions: z.array(questionSchema).min(1).max(LIMITS.maxQuestions),
    /** Format 2 only (the validator's scenario-format rule says so with a line number). */
    scenarios: z.array(packScenarioSchema).min(1).max(LIMITS.maxScenarios).optional(),
  })
  .strict();

export type Pack = z.infer<typeof packSchema>;
export type PackScenario = z.infer<typeof packScenarioSchema>;
