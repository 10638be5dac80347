import { describe, expect, it } from 'vitest';
import { referenceLabel, referenceLabels } from '../references';

describe('reference link names', () => {
  it('names the product and the page', () => {
    expect(referenceLabel('https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html')).toBe('Lambda docs: invocation async');
    expect(referenceLabel('https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html')).toBe('CloudWatch docs: AlarmThatSendsEmail');
    expect(referenceLabel('https://aws.amazon.com/lambda/pricing/')).toBe('AWS: pricing');
    expect(referenceLabel('not a url')).toBe('Reference');
  });

  it('keeps every name distinct', () => {
    const labels = referenceLabels(['https://docs.aws.amazon.com/lambda/latest/dg/a.html', 'https://docs.aws.amazon.com/lambda/latest/api/a.html', 'https://docs.aws.amazon.com/cli/latest/b.html']).map((l) => l.label);
    expect(new Set(labels).size).toBe(3);
    expect(labels).toEqual(['Lambda docs: a (1)', 'Lambda docs: a (2)', 'AWS CLI docs: b']);
  });
});
