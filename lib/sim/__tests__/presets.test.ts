/**
 * Every preset in content/scenarios: valid, named after its file, its predict answer matches the run, it shows
 * the behaviour it teaches, and two runs produce byte-identical JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, type Summary } from '../index';

const dir = fileURLToPath(new URL('../../../content/scenarios/', import.meta.url));

export const PRESET_IDS = [
  'throttle-storm-reserved',
  'provisioned-vs-cold-starts',
  'async-failure-to-dlq',
  'async-on-failure-destination',
  'sqs-poison-message-redrive',
  'sqs-visibility-timeout-too-short',
  'sqs-partial-batch-response',
  'kinesis-bisect-bad-record',
  'kinesis-iterator-age',
  'canary-alias-rollout',
  'scaling-rate-spike',
  'reserved-zero-kill-switch',
  'sqs-fifo-ordering',
  'recursive-loop-stopped',
  'alarm-error-rate',
  'alarm-dlq-depth',
] as const;

/** What each preset must visibly demonstrate. */
const DEMONSTRATES: Record<(typeof PRESET_IDS)[number], (s: Summary) => void> = {
  'throttle-storm-reserved': (s) => {
    expect(s.alarms[0]!.history[0]!.newState).toBe('ALARM');
    expect(s.functions.orders!.throttles).toBeGreaterThan(0);
    expect(s.functions.orders!.maxConcurrency).toBe(10);
    expect(s.functions.orders!.errors).toBe(0);
  },
  'provisioned-vs-cold-starts': (s) => {
    const f = s.functions.checkout!;
    expect(f.versions.$LATEST!.coldStarts).toBeGreaterThan(0);
    expect(f.versions['1']!.coldStarts).toBe(0);
    expect(f.versions['1']!.invocations).toBeGreaterThan(1000);
  },
  'async-failure-to-dlq': (s) => {
    expect(s.events.toDlq).toBe(3);
    expect(s.sinks['thumbnail-dlq']!.received).toBe(3);
    expect(s.functions.thumbnailer!.asyncEventsDropped).toBe(3);
  },
  'async-on-failure-destination': (s) => {
    const conditions = s.sinks['billing-failures']!.samples.map((r) => (r as { requestContext: { condition: string } }).requestContext.condition);
    expect(conditions).toContain('EventAgeExceeded');
    expect(conditions).toContain('RetriesExhausted');
    expect(s.events.toDestinationReasons['async-event-age-exceeded']).toBeGreaterThan(0);
    expect(s.events.toDestinationReasons['async-retries-exhausted']).toBeGreaterThan(0);
    expect(s.functions.billing!.throttles).toBeGreaterThan(0);
  },
  'sqs-poison-message-redrive': (s) => {
    expect(s.alarms[0]!.state).toBe('ALARM');
    expect(s.queues.orders!.redriven).toBe(10);
    expect(s.queues['orders-dlq']!.depth).toBe(10);
  },
  'sqs-visibility-timeout-too-short': (s) => {
    expect(s.functions.buildReport!.errors).toBe(0);
    expect(s.functions.buildReport!.throttles).toBeGreaterThan(0);
    expect(s.events.toDlq).toBeGreaterThan(0);
    expect(s.warnings.join(' ')).toContain('6 × the function timeout');
  },
  'sqs-partial-batch-response': (s) => {
    expect(s.events.toDlq).toBe(1);
    expect(s.functions.processOrder!.errors).toBe(0);
    expect(s.events.succeeded).toBe(99);
  },
  'kinesis-bisect-bad-record': (s) => {
    expect(s.events.toDestination).toBe(1);
    expect(s.streams.clicks!.skipped).toBe(1);
    const rec = s.sinks['clicks-failures']!.samples[0] as { KinesisBatchInfo: { batchSize: number } };
    expect(rec.KinesisBatchInfo.batchSize).toBe(1);
  },
  'kinesis-iterator-age': (s) => {
    expect(s.alarms[0]!.state).toBe('ALARM');
    const ages = s.metrics.functions.telemetry!.IteratorAge.filter((x): x is number => x !== null);
    expect(ages.length).toBeGreaterThan(5);
    for (let i = 1; i < ages.length; i++) expect(ages[i]!).toBeGreaterThan(ages[i - 1]!);
    expect(s.functions.telemetry!.errors).toBe(0);
  },
  'canary-alias-rollout': (s) => {
    const v = s.functions.payments!.versions;
    expect(v['2']!.errors).toBeGreaterThanOrEqual(10);
    expect(v['1']!.invocations).toBeGreaterThan(10 * v['2']!.invocations);
    // The CloudWatch alarm, not a counter, triggers the rollback, and notifies SNS once.
    expect(s.alarms[0]!.history.map((h) => h.newState)).toContain('ALARM');
    expect(s.sinks['ops-alerts']!.received).toBe(1);
  },
  'sqs-fifo-ordering': (s) => {
    expect(s.functions.processOrder!.maxConcurrency).toBe(4);
    expect(s.queues['orders-dlq.fifo']!.depth).toBe(1);
    expect(s.events.succeeded).toBe(99);
  },
  'recursive-loop-stopped': (s) => {
    expect(s.functions.orderProcessor!.invocations).toBe(80);
    expect(s.functions.orderProcessor!.recursiveInvocationsDropped).toBe(5);
    expect(s.queues['orders-dlq']!.depth).toBe(5);
    expect(s.alarms[0]!.history.some((h) => h.newState === 'ALARM')).toBe(true);
  },
  'alarm-error-rate': (s) => {
    expect(s.alarms[0]!.history.map((h) => h.newState)).toEqual(['OK', 'ALARM', 'OK']);
    expect(s.sinks['on-call']!.received).toBe(3);
  },
  'alarm-dlq-depth': (s) => {
    const [sent, depth] = s.alarms;
    expect(sent!.state).toBe('OK');
    expect(depth!.state).toBe('ALARM');
    expect(s.queues['orders-dlq']!.sent).toBe(0);
  },
  'scaling-rate-spike': (s) => {
    expect(s.functions.flashSale!.throttleReasons).toEqual({ ScalingRateExceeded: 3000 });
    expect(s.functions.flashSale!.maxConcurrency).toBeLessThan(5000);
  },
  'reserved-zero-kill-switch': (s) => {
    expect(s.functions.ingest!.invocations).toBe(0);
    expect(s.functions.ingest!.throttles).toBeGreaterThan(0);
    expect(s.events.toDlqReasons).toEqual({ 'async-reserved-concurrency-zero': 20 });
    expect(s.cost.totalUsd).toBe(0);
  },
};

describe('preset scenarios', () => {
  it('has exactly the preset files listed here', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual([...PRESET_IDS].map((id) => `${id}.json`).sort());
  });

  for (const id of PRESET_IDS) {
    it(`${id}: valid, predict answer matches the run, demonstrates its behaviour, deterministic`, () => {
      const json = JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8'));
      const sc = parseScenario(json, `${id}.json`);
      expect(sc.id).toBe(id);
      expect(sc.predict).toBeDefined();
      const s1 = runScenario(json, { logs: { capacity: 200_000 } });
      expect(s1.predict!.value).not.toBeNull();
      expect(s1.predict!.correct).toBe(true);
      DEMONSTRATES[id](s1);
      const e = s1.events;
      expect(e.received).toBe(e.succeeded + e.toDlq + e.toDestination + e.dropped + e.pending);
      const s2 = runScenario(json, { logs: { capacity: 200_000 } });
      expect(JSON.stringify(s2)).toBe(JSON.stringify(s1));
    });
  }
});
