import { describe, expect, it } from 'vitest';
import { initialState, runLine, Session } from '../../cli/index';
import { factsOf, gradeLab, LABS } from '../catalog';

describe('labs', () => {
  it('has at least 8 labs with unique ids, hints and facts', () => {
    expect(LABS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
    for (const l of LABS) {
      expect(l.hints.length).toBeGreaterThan(0);
      expect(factsOf(l).length).toBeGreaterThanOrEqual(2);
    }
  });
  for (const lab of LABS) {
    it(`${lab.id}: fails on the starting account and passes after the solution`, () => {
      const s = new Session(initialState(lab.scenario));
      const start = gradeLab(lab, s.state);
      expect(start.passed, JSON.stringify(start.checks)).toBe(false);
      for (const cmd of lab.solution) {
        const r = runLine(s, cmd);
        expect(r.exitCode, `${cmd}\n${r.stderr}`).toBe(0);
      }
      const end = gradeLab(lab, s.state);
      expect(end.passed, JSON.stringify(end.checks)).toBe(true);
    });
  }
});

describe('labs reject near-misses', () => {
  const attempt = (id: string, cmds: string[]) => {
    const lab = LABS.find((l) => l.id === id)!;
    const s = new Session(initialState(lab.scenario));
    for (const c of cmds) runLine(s, c);
    return gradeLab(lab, s.state);
  };
  it('a DLQ with the default two retries is not one retry', () => {
    const r = attempt('async-dlq-one-retry', ['aws lambda update-function-configuration --function-name resize --dead-letter-config TargetArn=arn:aws:sqs:us-east-1:123456789012:resize-dlq']);
    expect(r.passed).toBe(false);
    expect(r.checks.find((c) => !c.ok)!.text).toMatch(/retried once/);
  });
  it('pointing the alias at version 2 is not a 10 % canary', () => {
    expect(attempt('canary-ten-percent', ['aws lambda update-alias --function-name checkout --name live --function-version 2']).passed).toBe(false);
  });
  it('reserving too much for orders starves reports', () => {
    const r = attempt('throttles-without-starving', ['aws lambda put-function-concurrency --function-name orders --reserved-concurrent-executions 200']);
    expect(r.passed).toBe(false);
    expect(r.checks[1]!.ok).toBe(false);
  });
  it('killing the wrong function fails the Logs Insights lab', () => {
    expect(attempt('insights-first-errors', ["aws logs start-query --log-group-name /aws/lambda/ingest --start-time 1772355600 --end-time 1772356500 --query-string 'filter @message like /ERROR/'", 'aws lambda put-function-concurrency --function-name ingest --reserved-concurrent-executions 0']).passed).toBe(false);
  });
  it('an alarm on the source queue is not an alarm on the DLQ', () => {
    expect(attempt('alarm-dlq-depth', ['aws cloudwatch put-metric-alarm --alarm-name jobs-dlq-not-empty --namespace AWS/SQS --metric-name ApproximateNumberOfMessagesVisible --dimensions Name=QueueName,Value=jobs --statistic Maximum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:ops-alerts']).passed).toBe(false);
  });
  it('a visibility timeout equal to the function timeout is accepted by AWS but below the recommendation', () => {
    expect(attempt('sqs-mapping-visibility', ['aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attributes VisibilityTimeout=60', 'aws lambda create-event-source-mapping --function-name process-order --event-source-arn arn:aws:sqs:us-east-1:123456789012:orders --function-response-types ReportBatchItemFailures']).passed).toBe(false);
  });
  it('a timeout of 900 s fixes the timeouts but fails the cost limit', () => {
    expect(attempt('fix-timeouts', ['aws lambda update-function-configuration --function-name report-builder --timeout 900']).passed).toBe(false);
  });
});
