/**
 * The sections of the source notes (../shared/seed/lambda-sysops-overview.md) that make up the syllabus.
 * Lesson frontmatter names the sections it teaches (`seedSections`) and question packs tag topics;
 * the content lint fails when a section is taught by no lesson. `topics` says which question topics
 * count towards a section, so the bank can be checked for at least ten questions per section.
 */
export const SEED_SECTIONS = [
  { id: 'what-is-lambda', title: 'What is AWS Lambda?', topics: ['lambda-basics'] },
  { id: 'event-driven', title: 'Core concepts: event-driven computing', topics: ['triggers', 'lambda-basics'] },
  { id: 'runtimes', title: 'Core concepts: runtime environments and custom runtimes', topics: ['runtimes'] },
  { id: 'execution-environment', title: 'Core concepts: execution environment', topics: ['cold-starts', 'lambda-basics', 'snapstart'] },
  { id: 'pricing', title: 'Core concepts: pricing model', topics: ['pricing'] },
  { id: 'triggers', title: 'Triggers and event sources', topics: ['triggers', 'sqs', 'streams', 'sync-invocation', 'async'] },
  { id: 'concurrency', title: 'Execution model: concurrency and provisioned concurrency', topics: ['concurrency', 'reserved-concurrency', 'provisioned-concurrency', 'throttling', 'scaling'] },
  { id: 'limits', title: 'Limits', topics: ['limits'] },
  { id: 'environment-variables', title: 'Environment variables', topics: ['env-vars', 'kms', 'secrets'] },
  { id: 'layers', title: 'Layers', topics: ['layers'] },
  { id: 'vpc', title: 'VPC integration', topics: ['vpc'] },
  { id: 'handler', title: 'Handler function', topics: ['handler'] },
  { id: 'iam', title: 'IAM roles and permissions', topics: ['iam', 'resource-policy'] },
  { id: 'cloudwatch-monitoring', title: 'CloudWatch monitoring and key metrics', topics: ['cloudwatch-metrics'] },
  { id: 'dlq', title: 'Dead-letter queues', topics: ['dlq', 'destinations'] },
  { id: 'code-deployment', title: 'Code deployment', topics: ['deployment', 'infrastructure-as-code'] },
  { id: 'versioning', title: 'Versioning', topics: ['versions'] },
  { id: 'aliases', title: 'Aliases', topics: ['aliases'] },
  { id: 'blue-green', title: 'Blue/green deployments', topics: ['codedeploy', 'aliases'] },
  { id: 'cloudwatch-logs', title: 'CloudWatch Logs', topics: ['logs', 'logs-insights'] },
  { id: 'xray', title: 'X-Ray tracing', topics: ['xray'] },
  { id: 'alarms', title: 'Metrics and alerts (CloudWatch alarms)', topics: ['alarms'] },
  { id: 'error-handling', title: 'Error handling and retries', topics: ['error-handling', 'retries'] },
  { id: 'use-cases', title: 'Common use cases', topics: ['use-cases'] },
  { id: 'best-practices', title: 'Best practices', topics: ['best-practices', 'performance'] },
  { id: 'exam-topics', title: 'Key exam topics', topics: ['exam'] },
  { id: 'cli', title: 'CLI commands', topics: ['cli'] },
] as const;

export type SeedSectionId = (typeof SEED_SECTIONS)[number]['id'];
export const SEED_SECTION_IDS = SEED_SECTIONS.map((s) => s.id) as unknown as readonly [SeedSectionId, ...SeedSectionId[]];
