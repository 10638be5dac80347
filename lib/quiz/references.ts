/**
 * Names for a question's reference links. Several links all called "AWS docs" cannot be told apart by a
 * screen reader's link list or by the learner, so each gets the product and the page it points to, e.g.
 * "Lambda docs: invocation async". Names that still collide are numbered.
 */
const PRODUCTS: Record<string, string> = {
  lambda: 'Lambda',
  cli: 'AWS CLI',
  amazoncloudwatch: 'CloudWatch',
  'aws-certification': 'AWS Certification',
  codedeploy: 'CodeDeploy',
  vpc: 'VPC',
  'serverless-application-model': 'AWS SAM',
  iam: 'IAM',
  xray: 'X-Ray',
  'systems-manager': 'Systems Manager',
  secretsmanager: 'Secrets Manager',
  'prescriptive-guidance': 'AWS Prescriptive Guidance',
  awscloudformation: 'CloudFormation',
  awscloudtrail: 'CloudTrail',
  autoscaling: 'Auto Scaling',
  apigateway: 'API Gateway',
  amazonrds: 'RDS',
};

function words(segment: string): string {
  return decodeURIComponentSafe(segment)
    .replace(/\.(html?|md)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function referenceLabel(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Reference';
  }
  const parts = parsed.pathname.split('/').filter(Boolean);
  const host = parsed.hostname.replace(/^www\./, '');
  if (host === 'docs.aws.amazon.com' && parts.length > 0) {
    const product = PRODUCTS[parts[0]!.toLowerCase()] ?? words(parts[0]!);
    const page = parts.length > 1 ? words(parts[parts.length - 1]!) : '';
    return page && page.toLowerCase() !== parts[0]!.toLowerCase() ? `${product} docs: ${page}` : `${product} docs`;
  }
  if (host === 'aws.amazon.com') {
    const page = parts.length > 0 ? words(parts[parts.length - 1]!) : '';
    return page ? `AWS: ${page}` : 'AWS';
  }
  const page = parts.length > 0 ? words(parts[parts.length - 1]!) : '';
  return page ? `${host}: ${page}` : host;
}

export function referenceLabels(urls: readonly string[]): { url: string; label: string }[] {
  const counts = new Map<string, number>();
  const labels = urls.map((url) => referenceLabel(url));
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const seen = new Map<string, number>();
  return urls.map((url, i) => {
    const base = labels[i]!;
    if ((counts.get(base) ?? 0) < 2) return { url, label: base };
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { url, label: `${base} (${n})` };
  });
}
