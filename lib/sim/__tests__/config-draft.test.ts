import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@/lib/sim/schema';
import { addSource, describePattern, getIn, removePollSource, setAliasEnabled, setAsyncSink, setCanary, setIn, type Draft } from '../config-draft';

const base = (): Draft => ({
  id: 'x',
  title: 'Test',
  story: 'A scenario used by the editor tests, nothing more.',
  lesson: 'concurrency',
  durationSeconds: 60,
  functions: [{ name: 'orders' }],
  workloads: [{ name: 'req', source: 'api', target: 'orders', pattern: { type: 'constant', ratePerSecond: 5 } }],
});

const valid = (d: Draft) => {
  const r = scenarioSchema.safeParse(d);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
};

describe('config draft edits', () => {
  it('sets and removes values by path without touching the original', () => {
    const d = base();
    const e = setIn(d, ['functions', 0, 'memoryMb'], 512);
    expect(getIn(e, ['functions', 0, 'memoryMb'])).toBe(512);
    expect(getIn(d, ['functions', 0, 'memoryMb'])).toBeUndefined();
    const f = setIn(e, ['functions', 0, 'failure', 'rate'], 0.5);
    expect(getIn(f, ['functions', 0, 'failure'])).toEqual({ rate: 0.5 });
    expect(getIn(setIn(f, ['functions', 0, 'memoryMb'], undefined), ['functions', 0])).toEqual({ name: 'orders', failure: { rate: 0.5 } });
    expect(getIn(setIn(f, ['workloads', 0], undefined), ['workloads'])).toEqual([]);
  });

  it('adds every kind of source as a valid scenario', () => {
    let d = base();
    for (const k of ['api', 's3', 'sns', 'eventbridge', 'schedule', 'sqs', 'kinesis', 'dynamodb'] as const) d = addSource(d, k, 'orders');
    const sc = valid(d);
    expect(sc.workloads.map((w) => w.source)).toEqual(['api', 'api', 's3', 'sns', 'eventbridge', 'schedule', 'sqs', 'kinesis', 'dynamodb']);
    expect(new Set(sc.workloads.map((w) => w.name)).size).toBe(sc.workloads.length);
    expect(sc.queues.map((q) => q.name)).toEqual(['jobs', 'jobs-dlq']);
    expect(sc.eventSourceMappings).toHaveLength(3);
  });

  it('removes a queue source with its traffic and its now unused DLQ', () => {
    const d = addSource(base(), 'sqs', 'orders');
    const r = removePollSource(d, 0);
    expect(valid(r).queues).toEqual([]);
    expect(valid(r).workloads.map((w) => w.source)).toEqual(['api']);
  });

  it('creates a DLQ and destinations on demand', () => {
    let d = setAsyncSink(base(), 0, 'deadLetterQueue', 'new:sqs');
    d = setAsyncSink(d, 0, 'onFailure', 'new:eventbridge');
    const sc = valid(d);
    expect(sc.functions[0]!.async).toMatchObject({ deadLetterQueue: 'orders-dlq', onFailure: 'orders-failure-eventbridge' });
    expect(sc.destinations).toEqual([{ name: 'orders-failure-eventbridge', type: 'eventbridge', rejectsDeliveries: false }]);
    const cleared = setAsyncSink(setAsyncSink(d, 0, 'deadLetterQueue', ''), 0, 'onFailure', '');
    expect(getIn(cleared, ['functions', 0, 'async'])).toBeUndefined();
  });

  it('turns an alias and a canary on and off, retargeting traffic', () => {
    let d = setAliasEnabled(base(), 0, true);
    expect(valid(d).workloads[0]!.target).toBe('orders:live');
    d = setCanary(d, 0, 0.1);
    expect(valid(d).functions[0]!.aliases[0]!.additionalVersionWeights).toEqual({ '2': 0.1 });
    d = setIn(d, ['functions', 0, 'aliases', 0, 'provisionedConcurrency'], 5);
    valid(d);
    d = setCanary(d, 0, null);
    expect(valid(d).functions[0]!.versions.map((v) => v.version)).toEqual(['1']);
    d = setAliasEnabled(d, 0, false);
    const sc = valid(d);
    expect(sc.workloads[0]!.target).toBe('orders');
    expect(sc.functions[0]!.aliases).toEqual([]);
  });

  it('describes patterns in words', () => {
    expect(describePattern({ type: 'constant', ratePerSecond: 1 / 60 })).toBe('steady one every 60 s');
    expect(describePattern({ type: 'burst', atSeconds: 5, count: 40 })).toBe('burst of 40 at 5 s');
  });
});
