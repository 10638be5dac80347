/**
 * The topic vocabulary shared by lessons, question packs and progress views.
 * Built-in packs must use these ids; imported packs may add their own (shown by id).
 */
export const TOPICS = {
  'lambda-basics': 'Lambda basics',
  runtimes: 'Runtimes',
  handler: 'Handler and context',
  layers: 'Layers',
  limits: 'Limits and quotas',
  triggers: 'Triggers and event sources',
  'sync-invocation': 'Synchronous invocation',
  async: 'Asynchronous invocation',
  retries: 'Retries',
  dlq: 'Dead-letter queues',
  destinations: 'Destinations',
  sqs: 'SQS event source mapping',
  streams: 'Kinesis and DynamoDB streams',
  concurrency: 'Concurrency',
  'reserved-concurrency': 'Reserved concurrency',
  'provisioned-concurrency': 'Provisioned concurrency',
  throttling: 'Throttling',
  scaling: 'Scaling',
  'cold-starts': 'Cold starts',
  snapstart: 'SnapStart',
  performance: 'Performance tuning',
  pricing: 'Pricing and cost',
  'env-vars': 'Environment variables',
  kms: 'Encryption and KMS',
  secrets: 'Secrets management',
  iam: 'IAM execution roles',
  'resource-policy': 'Resource-based policies',
  vpc: 'VPC access',
  versions: 'Versions',
  aliases: 'Aliases',
  deployment: 'Deployment',
  codedeploy: 'CodeDeploy traffic shifting',
  'infrastructure-as-code': 'SAM and CloudFormation',
  cli: 'AWS CLI',
  'cloudwatch-metrics': 'CloudWatch metrics',
  alarms: 'CloudWatch alarms',
  logs: 'CloudWatch Logs',
  'logs-insights': 'Logs Insights',
  xray: 'X-Ray tracing',
  'lambda-insights': 'Lambda Insights',
  'error-handling': 'Error handling',
  'use-cases': 'Use cases',
  'best-practices': 'Best practices',
  exam: 'Exam strategy',
} as const satisfies Record<string, string>;

export type TopicId = keyof typeof TOPICS;

export function topicTitle(id: string): string {
  return (TOPICS as Record<string, string>)[id] ?? id;
}
