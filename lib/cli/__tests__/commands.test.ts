import { describe, expect, it } from 'vitest';
import { initialState, runLine, Session } from '../index';
import { fromBase64 } from '../session';

const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';
const create = (name: string, extra = '') => `aws lambda create-function --function-name ${name} --runtime nodejs22.x --role ${ROLE} --handler index.handler --zip-file fileb://function.zip ${extra}`;

function session(): Session {
  return new Session(initialState());
}
function run(s: Session, line: string) {
  return runLine(s, line);
}
function json(s: Session, line: string): Record<string, unknown> {
  const r = run(s, line);
  expect(r.stderr, line).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
function fails(s: Session, line: string, code: number, text: RegExp): void {
  const r = run(s, line);
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(code);
  expect(r.stderr).toMatch(text);
}

describe('lambda functions', () => {
  it('create-function returns a FunctionConfiguration in Pending state; get-function shows Active', () => {
    const s = session();
    const c = json(s, create('orders', '--timeout 10 --memory-size 256 --environment Variables={STAGE=prod}'));
    expect(c).toMatchObject({ FunctionName: 'orders', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders', Runtime: 'nodejs22.x', Role: ROLE, Handler: 'index.handler', Timeout: 10, MemorySize: 256, Version: '$LATEST', State: 'Pending', PackageType: 'Zip', Environment: { Variables: { STAGE: 'prod' } } });
    const g = json(s, 'aws lambda get-function --function-name orders');
    expect((g.Configuration as Record<string, unknown>).State).toBe('Active');
    expect(g.Code).toMatchObject({ RepositoryType: 'S3' });
  });
  it('refuses a duplicate, a bad role, a bad memory size and a missing function with AWS errors (254)', () => {
    const s = session();
    json(s, create('orders'));
    fails(s, create('orders'), 254, /\(ResourceConflictException\) when calling the CreateFunction operation: Function already exist: orders/);
    fails(s, create('b').replace(ROLE, 'lambda-role'), 254, /ValidationException.*at 'role' failed to satisfy constraint/);
    fails(s, create('c', '--memory-size 64'), 254, /Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128/);
    fails(s, 'aws lambda get-function --function-name nope', 254, /\(ResourceNotFoundException\) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope/);
  });
  it('reports usage errors with return code 252', () => {
    const s = session();
    fails(s, 'aws lambda create-function --function-name x', 252, /the following arguments are required: --role/);
    fails(s, 'aws lambda get-funktion', 252, /argument operation: Invalid choice/);
    fails(s, 'aws lambdaa list-functions', 252, /argument command: Invalid choice/);
  });
  it('get-function-configuration, list-functions and --query / --output text', () => {
    const s = session();
    json(s, create('a'));
    json(s, create('b'));
    expect(run(s, 'aws lambda list-functions --query Functions[].FunctionName --output text').stdout).toBe('a\tb');
    expect(run(s, 'aws lambda get-function-configuration --function-name a --query Timeout').stdout).toBe('3');
    expect(json(s, 'aws lambda list-functions --max-items 1').NextToken).toBeTypeOf('string');
    fails(s, 'aws lambda list-functions --query "Functions[" ', 252, /Bad value for --query/);
  });
  it('update-function-configuration changes timeout, memory, environment and the dead-letter queue', () => {
    const s = session();
    json(s, create('orders'));
    json(s, 'aws sqs create-queue --queue-name orders-dlq');
    const u = json(s, 'aws lambda update-function-configuration --function-name orders --timeout 30 --memory-size 512 --environment "Variables={K1=1,K2=two}" --dead-letter-config TargetArn=arn:aws:sqs:us-east-1:123456789012:orders-dlq');
    expect(u).toMatchObject({ Timeout: 30, MemorySize: 512, Environment: { Variables: { K1: "1", K2: "two" } }, DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq' }, LastUpdateStatus: 'InProgress' });
    fails(s, 'aws lambda update-function-configuration --function-name orders --timeout 901', 254, /Member must have value less than or equal to 900/);
    fails(s, 'aws lambda update-function-configuration --function-name orders --environment Variables={AWS_REGION=x}', 254, /InvalidParameterValueException.*reserved keys/);
  });
  it('update-function-code changes CodeSha256 and --publish publishes a version', () => {
    const s = session();
    const c = json(s, create('orders'));
    const u = json(s, 'aws lambda update-function-code --function-name orders --zip-file fileb://v2.zip --publish');
    expect(u.CodeSha256).not.toBe(c.CodeSha256);
    expect(u.Version).toBe('1');
  });
});

describe('invoke', () => {
  it('needs --cli-binary-format raw-in-base64-out for a raw JSON payload (AWS CLI v2)', () => {
    const s = session();
    json(s, create('orders'));
    fails(s, `aws lambda invoke --function-name orders --payload '{"id":1}' out.json`, 252, /Invalid base64/);
    const r = json(s, `aws lambda invoke --function-name orders --cli-binary-format raw-in-base64-out --payload '{"id":1}' out.json`);
    expect(r).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(run(s, 'cat out.json').stdout).toBe('null');
    // A base64 payload works without the flag.
    expect(json(s, `aws lambda invoke --function-name orders --payload ${btoa('{"id":2}')} out.json`).StatusCode).toBe(200);
  });
  it('--log-type Tail returns the base64 log with START, END and REPORT', () => {
    const s = session();
    json(s, create('orders'));
    const r = json(s, 'aws lambda invoke --function-name orders --log-type Tail out.json');
    const log = fromBase64(String(r.LogResult))!;
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nEND RequestId: .*\nREPORT RequestId: .*Init Duration/s);
    expect(run(s, 'aws lambda invoke --function-name orders --log-type Tail --query LogResult --output text out.json | base64 --decode').stdout).toMatch(/^START RequestId/);
  });
  it('--invocation-type Event returns 202; RequestResponse of a throttled function is TooManyRequestsException after the CLI retries', () => {
    const s = session();
    json(s, create('orders'));
    expect(json(s, 'aws lambda invoke --function-name orders --invocation-type Event out.json')).toEqual({ StatusCode: 202 });
    json(s, 'aws lambda put-function-concurrency --function-name orders --reserved-concurrent-executions 0');
    fails(s, 'aws lambda invoke --function-name orders out.json', 254, /An error occurred \(TooManyRequestsException\) when calling the Invoke operation \(reached max retries: 2\): Rate Exceeded\./);
  });
  it('a failing function returns FunctionError Unhandled; a timeout returns Sandbox.Timedout', () => {
    const sc = {
      id: 'x',
      title: 'failing',
      story: 'A function that always fails, for the tests.',
      lesson: 'cli-operations',
      durationSeconds: 3600,
      functions: [{ name: 'bad', failure: { rate: 1 } }, { name: 'slow', timeoutSeconds: 1, duration: { type: 'fixed', ms: 5000 } }],
    };
    const s = new Session(initialState(sc));
    expect(json(s, 'aws lambda invoke --function-name bad out.json')).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
    expect(JSON.parse(run(s, 'cat out.json').stdout)).toMatchObject({ errorType: 'Error' });
    expect(json(s, 'aws lambda invoke --function-name slow out.json')).toMatchObject({ FunctionError: 'Unhandled' });
    expect(run(s, 'cat out.json').stdout).toMatch(/Task timed out after 1.00 seconds/);
  });
});

describe('versions, aliases and concurrency', () => {
  it('publish-version returns the same version when nothing changed; list-versions-by-function lists $LATEST first', () => {
    const s = session();
    json(s, create('orders'));
    expect(json(s, 'aws lambda publish-version --function-name orders').Version).toBe('1');
    expect(json(s, 'aws lambda publish-version --function-name orders').Version).toBe('1');
    json(s, 'aws lambda update-function-configuration --function-name orders --timeout 9');
    expect(json(s, 'aws lambda publish-version --function-name orders').Version).toBe('2');
    const v = json(s, 'aws lambda list-versions-by-function --function-name orders').Versions as { Version: string; Timeout: number }[];
    expect(v.map((x) => [x.Version, x.Timeout])).toEqual([['$LATEST', 9], ['1', 3], ['2', 9]]);
  });
  it('create-alias, update-alias --routing-config shifts 10% to version 2, list-aliases; errors for missing versions and duplicates', () => {
    const s = session();
    json(s, create('orders'));
    json(s, 'aws lambda publish-version --function-name orders');
    json(s, 'aws lambda update-function-code --function-name orders --zip-file fileb://v2.zip');
    json(s, 'aws lambda publish-version --function-name orders');
    expect(json(s, 'aws lambda create-alias --function-name orders --name live --function-version 1')).toMatchObject({ AliasArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:live', Name: 'live', FunctionVersion: '1' });
    fails(s, 'aws lambda create-alias --function-name orders --name live --function-version 1', 254, /ResourceConflictException.*Alias already exists/);
    fails(s, 'aws lambda create-alias --function-name orders --name beta --function-version 7', 254, /ResourceNotFoundException.*function:orders:7/);
    const u = json(s, `aws lambda update-alias --function-name orders --name live --routing-config 'AdditionalVersionWeights={"2"=0.1}'`);
    expect(u.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.1 } });
    fails(s, `aws lambda update-alias --function-name orders --name live --routing-config 'AdditionalVersionWeights={"2"=1.5}'`, 254, /ValidationException/);
    expect(run(s, 'aws lambda list-aliases --function-name orders --query "Aliases[0].RoutingConfig.AdditionalVersionWeights.\\"2\\""').stdout).toBe('0.1');
    // Traffic through the alias now reaches both versions.
    const versions = new Set<string>();
    for (let i = 0; i < 60; i++) versions.add(String(json(s, 'aws lambda invoke --function-name orders:live out.json').ExecutedVersion));
    expect([...versions].sort()).toEqual(['1', '2']);
  });
  it('put-function-concurrency keeps 100 unreserved; delete-function-concurrency; get-account-settings', () => {
    const s = session();
    json(s, create('a'));
    json(s, create('b'));
    json(s, 'aws lambda put-function-concurrency --function-name a --reserved-concurrent-executions 800');
    fails(s, 'aws lambda put-function-concurrency --function-name b --reserved-concurrent-executions 101', 254, /decreases account's UnreservedConcurrentExecution below its minimum value of \[100\]/);
    expect(json(s, 'aws lambda get-account-settings').AccountLimit).toMatchObject({ ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 200 });
    expect(run(s, 'aws lambda delete-function-concurrency --function-name a')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(json(s, 'aws lambda get-function-concurrency --function-name a')).toEqual({});
  });
  it('an earlier invocation is not throttled by a later put-function-concurrency 0 (changes apply from their time)', () => {
    const s = session();
    json(s, create('a'));
    json(s, 'aws lambda invoke --function-name a out.json');
    json(s, 'aws lambda put-function-concurrency --function-name a --reserved-concurrent-executions 0');
    run(s, 'sleep 120');
    const r = json(s, 'aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name Invocations --dimensions Name=FunctionName,Value=a --start-time 2026-03-01T09:00:00Z --end-time 2026-03-01T10:00:00Z --period 60 --statistics Sum');
    expect(r.Datapoints).toEqual([{ Timestamp: '2026-03-01T09:00:00+00:00', Sum: 1, Unit: 'Count' }]);
  });
  it('put-provisioned-concurrency-config refuses $LATEST and works on an alias', () => {
    const s = session();
    json(s, create('a'));
    json(s, 'aws lambda publish-version --function-name a');
    json(s, 'aws lambda create-alias --function-name a --name live --function-version 1');
    fails(s, 'aws lambda put-provisioned-concurrency-config --function-name a --qualifier \\$LATEST --provisioned-concurrent-executions 5', 254, /InvalidParameterValueException.*unpublished function versions/);
    expect(json(s, 'aws lambda put-provisioned-concurrency-config --function-name a --qualifier live --provisioned-concurrent-executions 5')).toMatchObject({ RequestedProvisionedConcurrentExecutions: 5, Status: 'IN_PROGRESS' });
    expect(json(s, 'aws lambda invoke --function-name a:live --log-type Tail out.json').ExecutedVersion).toBe('1');
  });
});

describe('async configuration and event source mappings', () => {
  it('put-function-event-invoke-config with one retry sends a failed event to the DLQ after two attempts', () => {
    const sc = { id: 'x', title: 'failing', story: 'A function that always fails, for the tests.', lesson: 'cli-operations', durationSeconds: 3600, functions: [{ name: 'bad', failure: { rate: 1 } }] };
    const s = new Session(initialState(sc));
    json(s, 'aws sqs create-queue --queue-name dlq');
    json(s, 'aws lambda update-function-configuration --function-name bad --dead-letter-config TargetArn=arn:aws:sqs:us-east-1:123456789012:dlq');
    const c = json(s, 'aws lambda put-function-event-invoke-config --function-name bad --maximum-retry-attempts 1 --maximum-event-age-in-seconds 3600');
    expect(c).toMatchObject({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600, FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bad:$LATEST' });
    fails(s, 'aws lambda put-function-event-invoke-config --function-name bad --maximum-retry-attempts 3', 254, /Member must have value less than or equal to 2/);
    json(s, 'aws lambda invoke --function-name bad --invocation-type Event out.json');
    run(s, 'sleep 600');
    const q = json(s, 'aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/dlq --attribute-names ApproximateNumberOfMessages');
    expect(q).toEqual({ Attributes: { ApproximateNumberOfMessages: '1' } });
    const inv = s.simulation()!.summary().functions.bad!;
    expect(inv.invocations).toBe(2);
  });
  it('create-event-source-mapping checks the visibility timeout and processes sent messages', () => {
    const s = session();
    json(s, create('worker', '--timeout 60'));
    json(s, 'aws sqs create-queue --queue-name jobs');
    fails(s, 'aws lambda create-event-source-mapping --function-name worker --event-source-arn arn:aws:sqs:us-east-1:123456789012:jobs', 254, /Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds/);
    run(s, 'aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/jobs --attributes VisibilityTimeout=360');
    const m = json(s, 'aws lambda create-event-source-mapping --function-name worker --event-source-arn arn:aws:sqs:us-east-1:123456789012:jobs --batch-size 5 --function-response-types ReportBatchItemFailures');
    expect(m).toMatchObject({ BatchSize: 5, State: 'Creating', FunctionResponseTypes: ['ReportBatchItemFailures'], EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:jobs' });
    const u = json(s, `aws lambda update-event-source-mapping --uuid ${String(m.UUID)} --scaling-config MaximumConcurrency=5`);
    expect(u).toMatchObject({ ScalingConfig: { MaximumConcurrency: 5 }, State: 'Updating' });
    expect((json(s, 'aws lambda list-event-source-mappings --function-name worker').EventSourceMappings as unknown[]).length).toBe(1);
    fails(s, 'aws lambda update-event-source-mapping --uuid nope --batch-size 2', 254, /ResourceNotFoundException/);
    expect(json(s, 'aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/jobs --message-body hello').MessageId).toMatch(/^[0-9a-f-]{36}$/);
    run(s, 'sleep 30');
    expect(s.simulation()!.summary().functions.worker!.invocations).toBe(1);
  });
});

describe('sqs', () => {
  it('set-queue-attributes RedrivePolicy (JSON string) and get-queue-attributes All', () => {
    const s = session();
    json(s, 'aws sqs create-queue --queue-name q --attributes VisibilityTimeout=45');
    json(s, 'aws sqs create-queue --queue-name q-dlq');
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';
    const rp = `'{"RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:us-east-1:123456789012:q-dlq\\",\\"maxReceiveCount\\":\\"5\\"}"}'`;
    expect(run(s, `aws sqs set-queue-attributes --queue-url ${url} --attributes ${rp}`)).toMatchObject({ exitCode: 0, stdout: '' });
    const a = json(s, `aws sqs get-queue-attributes --queue-url ${url} --attribute-names All`).Attributes as Record<string, string>;
    expect(a).toMatchObject({ VisibilityTimeout: '45', QueueArn: 'arn:aws:sqs:us-east-1:123456789012:q', RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:q-dlq","maxReceiveCount":5}' });
    fails(s, `aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/nope --attribute-names All`, 254, /AWS.SimpleQueueService.NonExistentQueue/);
    fails(s, `aws sqs set-queue-attributes --queue-url ${url} --attributes VisibilityTimeout=99999`, 254, /InvalidAttributeValue/);
  });
});

describe('cloudwatch and logs', () => {
  it('put-metric-alarm then describe-alarms shows the alarm going to ALARM on errors', () => {
    const sc = { id: 'x', title: 'failing', story: 'A function that always fails, for the tests.', lesson: 'cli-operations', durationSeconds: 3600, functions: [{ name: 'bad', failure: { rate: 1 } }] };
    const s = new Session(initialState(sc));
    expect(run(s, 'aws cloudwatch put-metric-alarm --alarm-name bad-errors --namespace AWS/Lambda --metric-name Errors --dimensions Name=FunctionName,Value=bad --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:ops')).toMatchObject({ exitCode: 0 });
    expect(run(s, 'aws cloudwatch describe-alarms --query MetricAlarms[0].StateValue --output text').stdout).toBe('INSUFFICIENT_DATA');
    json(s, 'aws lambda invoke --function-name bad out.json');
    run(s, 'sleep 61');
    const d = json(s, 'aws cloudwatch describe-alarms --alarm-names bad-errors');
    expect((d.MetricAlarms as Record<string, unknown>[])[0]).toMatchObject({ AlarmName: 'bad-errors', StateValue: 'ALARM', MetricName: 'Errors', Namespace: 'AWS/Lambda', AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'] });
    // With TreatMissingData "missing", the next period without invocations makes the alarm INSUFFICIENT_DATA again.
    run(s, 'sleep 60');
    expect(run(s, 'aws cloudwatch describe-alarms --alarm-names bad-errors --query MetricAlarms[0].StateValue --output text').stdout).toBe('INSUFFICIENT_DATA');
    fails(s, 'aws cloudwatch put-metric-alarm --alarm-name x --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 45 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanThreshold', 254, /ValidationError/);
  });
  it('get-metric-data returns values and metric math', () => {
    const s = session();
    json(s, create('a'));
    for (let i = 0; i < 3; i++) json(s, 'aws lambda invoke --function-name a out.json');
    run(s, 'sleep 60');
    const q = `'[{"Id":"inv","MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"Invocations","Dimensions":[{"Name":"FunctionName","Value":"a"}]},"Period":60,"Stat":"Sum"}},{"Id":"double","Expression":"inv * 2"}]'`;
    const r = json(s, `aws cloudwatch get-metric-data --metric-data-queries ${q} --start-time 2026-03-01T09:00:00Z --end-time 2026-03-01T09:10:00Z`);
    expect(r.MetricDataResults).toEqual([
      { Id: 'inv', Label: 'Invocations', Timestamps: ['2026-03-01T09:00:00+00:00'], Values: [3], StatusCode: 'Complete' },
      { Id: 'double', Label: 'double', Timestamps: ['2026-03-01T09:00:00+00:00'], Values: [6], StatusCode: 'Complete' },
    ]);
  });
  it('filter-log-events with a filter pattern; a missing log group is ResourceNotFoundException', () => {
    const s = session();
    json(s, create('a'));
    json(s, 'aws lambda invoke --function-name a out.json');
    const r = json(s, 'aws logs filter-log-events --log-group-name /aws/lambda/a --filter-pattern "REPORT Init"');
    const ev = r.events as { message: string; logStreamName: string; timestamp: number }[];
    expect(ev).toHaveLength(1);
    expect(ev[0]!.message).toMatch(/^REPORT RequestId/);
    expect(ev[0]!.logStreamName).toMatch(/^2026\/03\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    fails(s, 'aws logs filter-log-events --log-group-name /aws/lambda/nope', 254, /ResourceNotFoundException.*The specified log group does not exist/);
  });
});

describe('output formats', () => {
  it('prints text and table output', () => {
    const s = session();
    json(s, create('a'));
    expect(run(s, 'aws lambda get-account-settings --output text').stdout.split('\n')[0]).toMatch(/^ACCOUNTLIMIT\t/);
    const t = run(s, 'aws lambda get-function-configuration --function-name a --query "{Name:FunctionName,Timeout:Timeout}" --output table').stdout;
    expect(t).toContain('GetFunctionConfiguration');
    expect(t).toMatch(/\|\s+Name\s+\|\s+a\s+\|/);
  });
  it('state survives a round trip through JSON (share links, saved sessions)', () => {
    const s = session();
    json(s, create('a'));
    json(s, 'aws lambda invoke --function-name a out.json');
    const copy = new Session(JSON.parse(JSON.stringify(s.state)));
    expect(copy.simulation()!.summary().functions.a!.invocations).toBe(1);
    expect(run(copy, 'cat out.json').stdout).toBe('null');
  });
});
