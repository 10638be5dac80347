/**
 * SOA-C03 exam domains and weights, from ../shared/lambda-facts.md.
 * Every feature that groups by domain (lessons, packs, exams, progress) reads this table,
 * so a change to the exam guide is a one-line edit.
 */
export const EXAM_DOMAINS = [
  { id: 1, short: 'Monitoring & performance', name: 'Monitoring, Logging, Analysis, Remediation, and Performance Optimization', weight: 0.22 },
  { id: 2, short: 'Reliability & continuity', name: 'Reliability and Business Continuity', weight: 0.22 },
  { id: 3, short: 'Deployment & automation', name: 'Deployment, Provisioning, and Automation', weight: 0.22 },
  { id: 4, short: 'Security & compliance', name: 'Security and Compliance', weight: 0.16 },
  { id: 5, short: 'Networking & content delivery', name: 'Networking and Content Delivery', weight: 0.18 },
] as const;

export type DomainId = (typeof EXAM_DOMAINS)[number]['id'];
export const DOMAIN_IDS: readonly DomainId[] = EXAM_DOMAINS.map((d) => d.id);

export function domainById(id: DomainId) {
  const domain = EXAM_DOMAINS.find((d) => d.id === id);
  if (!domain) throw new Error(`Unknown SOA-C03 domain ${id}`);
  return domain;
}

export const EXAM_FORMAT = {
  code: 'SOA-C03',
  name: 'AWS Certified CloudOps Engineer – Associate',
  questions: 65,
  scoredQuestions: 50,
  minutes: 130,
  minScore: 100,
  maxScore: 1000,
  passScore: 720,
} as const;
