/**
 * The slug of every lesson in content/lessons, in learning-path order, for code that cannot read the lesson
 * files: the scenario schema (it runs in the browser too) and tests. The lessons' frontmatter is the source;
 * the content build fails when this list and the frontmatter disagree (`findIndexProblems`).
 */
export const LESSON_SLUGS = [
  'what-is-lambda',
  'runtimes-handlers-layers',
  'limits-and-quotas',
  'triggers-and-invocation',
  'async-invocation',
  'sqs-event-source',
  'streams',
  'concurrency',
  'cold-starts-performance',
  'pricing-cost',
  'configuration-env-vars',
  'iam-permissions',
  'vpc-access',
  'versions-aliases-deployment',
  'cli-operations',
  'monitoring-metrics-alarms',
  'logs-and-tracing',
  'exam-strategy',
] as const;

export type LessonSlug = (typeof LESSON_SLUGS)[number];
