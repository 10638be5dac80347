import '../zod-config';
import { z } from 'zod';
import { TRUE_FALSE_OPTIONS } from './true-false';

/**
 * The question-pack format (docs/authoring-packs.md documents every field), up to the question: everything but
 * the pack's simulator scenarios, which lib/packs/schema.ts adds. Kept apart so that what stores a question
 * (exam attempts, the learner database) does not evaluate the simulator's schema, about 50 KB of zod.
 *
 * Format 2 adds one optional field, `scenarios`, and nothing else, so every format 1 pack is also a valid
 * format 2 pack and needs no migration: `format: 2` is asked for only when a pack carries scenarios, so an
 * app that reads only format 1 refuses such a pack with a clear message instead of dropping its scenarios.
 */
export const PACK_FORMAT_VERSION = 1;
/** The format that may carry simulator scenarios (`scenarios:`). */
export const PACK_FORMAT_SCENARIOS = 2;
export const PACK_FORMATS = [PACK_FORMAT_VERSION, PACK_FORMAT_SCENARIOS] as const;

export const LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxQuestions: 5000,
  maxStem: 4000,
  maxOption: 1000,
  maxWhy: 2000,
  maxExplanation: 6000,
  minOptions: 3,
  maxOptions: 8,
  /** Simulator scenarios one pack may carry; each is checked by the simulator's own size limits too. */
  maxScenarios: 20,
  /** A true/false item has exactly two options and is always practice-only (see questionSchema). */
  trueFalseOptions: TRUE_FALSE_OPTIONS,
} as const;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug: letters, digits and single hyphens, such as "async-retries-001"')
  .max(80);

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const QUESTION_TYPES = ['single', 'multiple'] as const;
/**
 * `scenario`: an operational situation with a constraint, written like the exam's items.
 * `recall`: a fact check for flashcard-style practice. Both can appear in quizzes; mock exams prefer scenarios.
 */
export const QUESTION_STYLES = ['scenario', 'recall'] as const;

export const optionSchema = z
  .object({
    text: z.string().trim().min(1, 'option text must not be empty').max(LIMITS.maxOption),
    correct: z.boolean().default(false),
    /**
     * Optional since converted banks (Aiken, GIFT without feedback) often have none: an option without a "why" shows
     * no reason at all rather than filler text. The validator warns about it, and the core bank requires it.
     */
    why: z.string().trim().min(1, 'a "why" must not be empty: say why the option is right or wrong, or leave the key out').max(LIMITS.maxWhy).optional(),
    /** The mistaken belief that makes a wrong option attractive: an id from lib/packs/misconceptions.ts. */
    misconception: slugSchema.optional(),
  })
  .strict();

export const questionSchema = z
  .object({
    id: slugSchema,
    type: z.enum(QUESTION_TYPES),
    domain: z.number().int().min(1).max(5),
    topics: z.array(slugSchema).min(1).max(12),
    lessons: z.array(slugSchema).max(6).default([]),
    difficulty: z.enum(DIFFICULTIES),
    style: z.enum(QUESTION_STYLES).optional(),
    /**
     * Practice-only items (questions about the exam itself, true/false imports) appear in quizzes and review but are
     * never drawn into a mock exam and never count towards domain mastery.
     */
    practiceOnly: z.boolean().optional(),
    /** A simulator preset id (content/scenarios) that reproduces the question's situation: "see it happen". */
    simulation: slugSchema.optional(),
    stem: z.string().trim().min(10).max(LIMITS.maxStem),
    options: z.array(optionSchema).min(LIMITS.trueFalseOptions).max(LIMITS.maxOptions),
    explanation: z.string().trim().max(LIMITS.maxExplanation).optional(),
    // http(s) only: z.url() alone accepts javascript: and data: URLs, which the app would render as links.
    references: z
      .array(z.url({ protocol: /^https?$/, error: 'must be a full http(s) address such as https://docs.aws.amazon.com/lambda/latest/dg/welcome.html' }))
      .max(10)
      .default([]),
  })
  .strict()
  // True/false is a two-option single-answer question rather than a type of its own, so every renderer, grader and
  // store handles it unchanged; it is practice-only because a 50% guess has no place in a mock exam's score.
  .superRefine((q, ctx) => {
    if (q.options.length !== LIMITS.trueFalseOptions) return;
    if (q.type === 'single' && q.practiceOnly === true) return;
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: `has 2 options: only a true/false item may, and it must be "type: single" with "practiceOnly: true"; other questions need ${LIMITS.minOptions} to ${LIMITS.maxOptions} options`,
    });
  });

/** An instructor's class exam: optional, so a pack in the basic shape stays valid. */
export const blueprintSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    questions: z.number().int().min(1).max(200),
    /** Minutes; 0 means untimed. */
    minutes: z.number().int().min(0).max(600),
    /** Domain weights; they are normalised, so 22/22/22/16/18 and 0.22/… both work. */
    domainWeights: z.record(z.enum(['1', '2', '3', '4', '5']), z.number().min(0)).optional(),
    topics: z.array(slugSchema).optional(),
    passPercent: z.number().min(1).max(100).optional(),
  })
  .strict();

export type Question = z.infer<typeof questionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;
export type Blueprint = z.infer<typeof blueprintSchema>;
export type Difficulty = (typeof DIFFICULTIES)[number];
export type QuestionStyle = (typeof QUESTION_STYLES)[number];
export type PackFormat = (typeof PACK_FORMATS)[number];

export { questionKey } from './question-key';
export { isTrueFalse } from './true-false';
