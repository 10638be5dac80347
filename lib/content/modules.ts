/** Lesson modules in learning-path order. A lesson's `module` must be one of these ids. */
export const MODULES = [
  { id: 'foundations', title: 'Foundations', blurb: 'What Lambda is, how it runs your code, and the numbers that bound it.' },
  { id: 'invocation', title: 'Invocation and event sources', blurb: 'Push and poll, sync and async, retries, DLQs, destinations, queues and streams.' },
  { id: 'scaling', title: 'Scaling and performance', blurb: 'Concurrency, throttles, cold starts and cost.' },
  { id: 'security', title: 'Security and networking', blurb: 'Execution roles, resource policies, encryption and VPC access.' },
  { id: 'deployment', title: 'Deployment and automation', blurb: 'Versions, aliases, traffic shifting, CodeDeploy and the CLI.' },
  { id: 'operations', title: 'Monitoring and troubleshooting', blurb: 'Metrics, alarms, logs, tracing and remediation.' },
  { id: 'exam', title: 'Exam preparation', blurb: 'The SOA-C03 format and how to study for it.' },
] as const;

export type ModuleId = (typeof MODULES)[number]['id'];
export const MODULE_IDS = MODULES.map((m) => m.id) as unknown as readonly [ModuleId, ...ModuleId[]];
