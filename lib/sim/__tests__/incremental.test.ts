/** The incremental API the interactive page drives from a Web Worker: advance, inject, snapshot, poll. */
import { describe, expect, it } from 'vitest';
import { createSimulation, InjectError } from '../index';
import { fn, scenario } from './helpers';

const base = () =>
  scenario({
    durationSeconds: 600,
    functions: [
      fn('api', { reservedConcurrency: 5, duration: { type: 'fixed', ms: 1000 }, versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1' }] }),
      fn('worker', { async: { deadLetterQueue: 'dlq' }, failure: { poisonIds: ['bad'] } }),
      fn('consumer'),
      fn('reader'),
    ],
    queues: [{ name: 'jobs' }, { name: 'dlq' }],
    streams: [{ name: 'st', shards: 2 }],
    eventSourceMappings: [
      { function: 'consumer', queue: 'jobs' },
      { function: 'reader', stream: 'st' },
    ],
  });

describe('incremental simulation', () => {
  it('advances, snapshots environments with state and since-time, and never goes backwards', () => {
    const sim = createSimulation(base(), { trace: true });
    sim.inject({ type: 'invoke', target: 'api', count: 3 });
    sim.advanceTo(50);
    let snap = sim.snapshot();
    const api = snap.functions.find((f) => f.name === 'api')!;
    expect(api.busy).toBe(3);
    expect(api.envs.map((e) => [e.state, e.since])).toEqual([
      ['init', 0],
      ['init', 0],
      ['init', 0],
    ]);
    sim.advanceTo(500);
    snap = sim.snapshot();
    expect(snap.functions[0]!.envs.map((e) => [e.state, e.since])).toEqual([
      ['busy', 100],
      ['busy', 100],
      ['busy', 100],
    ]);
    sim.advanceTo(2000);
    expect(sim.snapshot().functions[0]!.envs.map((e) => [e.state, e.since])).toEqual([
      ['idle', 1100],
      ['idle', 1100],
      ['idle', 1100],
    ]);
    sim.advanceTo(1000);
    expect(sim.now).toBe(2000);
  });

  it('injects bursts, async events, SQS messages and stream records while running', () => {
    const sim = createSimulation(base(), { trace: true });
    sim.advanceTo(10_000);
    expect(sim.inject({ type: 'invoke', target: 'api:live', count: 8 })).toEqual({ events: 8, firstEventId: 'manual-invoke-1' });
    expect(sim.inject({ type: 'invoke-async', target: 'worker', id: 'bad', source: 's3' })).toEqual({ events: 1, firstEventId: 'bad' });
    sim.inject({ type: 'sqs-send', queue: 'jobs', count: 25 });
    sim.inject({ type: 'stream-put', stream: 'st', count: 40 });
    sim.advanceTo(400_000);
    const s = sim.summary();
    expect(s.functions.api!.invocations).toBe(5);
    expect(s.functions.api!.throttles).toBe(3);
    expect(s.functions.api!.versions['1']!.invocations).toBe(5);
    expect(s.events.toDlq).toBe(1);
    const dlq = sim.sinkContents().dlq!;
    expect(dlq.received).toBe(1);
    expect(JSON.parse((dlq.samples[0] as { body: string }).body).Records[0].s3.object.key).toBe('bad.json');
    expect(s.queues.jobs!.deleted).toBe(25);
    expect(s.streams.st!.processed).toBe(40);
    expect(s.events.received).toBe(8 + 1 + 25 + 40);
    // Later injections with the same name continue the numbering.
    expect(sim.inject({ type: 'invoke', target: 'api' }).firstEventId).toBe('manual-invoke-9');
  });

  it('starts and stops constant traffic, and changes reserved concurrency and alias weights live', () => {
    const sim = createSimulation(base(), { trace: { capacity: 100_000 }, debugChecks: true });
    sim.inject({ type: 'start-traffic', id: 'load', source: 'api', target: 'api:live', ratePerSecond: 10 });
    sim.advanceTo(30_000);
    const before = sim.summary().functions.api!;
    expect(before.throttles).toBeGreaterThan(0);
    sim.inject({ type: 'set-reserved-concurrency', function: 'api', value: 20 });
    sim.inject({ type: 'set-alias-routing', function: 'api', alias: 'live', additionalVersionWeights: { '2': 0.5 } });
    const t1 = before.throttles;
    sim.advanceTo(60_000);
    const mid = sim.summary().functions.api!;
    expect(mid.throttles - t1).toBeLessThan(5);
    expect(mid.versions['2']!.invocations).toBeGreaterThan(50);
    sim.inject({ type: 'set-reserved-concurrency', function: 'api', value: 0 });
    sim.inject({ type: 'stop-traffic', id: 'load' });
    const recv = sim.summary().events.received;
    sim.advanceTo(120_000);
    expect(sim.summary().events.received).toBe(recv);
    expect(sim.snapshot().functions[0]!.reservedConcurrency).toBe(0);
    const texts = sim.eventsSince(0, Infinity).events.filter((e) => e.kind === 'config').map((e) => e.text);
    expect(texts.some((t) => t.includes('kill switch'))).toBe(true);
  });

  it('rejects bad commands with readable errors', () => {
    const sim = createSimulation(base());
    expect(() => sim.inject({ type: 'invoke', target: 'nope' })).toThrow(InjectError);
    expect(() => sim.inject({ type: 'invoke', target: 'nope' })).toThrow('no function named "nope"');
    expect(() => sim.inject({ type: 'sqs-send', queue: 'dlq' })).toThrow('is a DLQ or destination');
    expect(() => sim.inject({ type: 'set-reserved-concurrency', function: 'api', value: 950 })).toThrow('unreserved');
    expect(() => sim.inject({ type: 'stop-traffic', id: 'x' })).toThrow('no running traffic');
    expect(() => sim.inject({ type: 'invoke', target: 'api', count: 0 } as never)).toThrow('count');
  });

  it('eventsSince polls a ring buffer by cursor and reports what it missed; output is structured-cloneable', () => {
    const sim = createSimulation(base(), { trace: { capacity: 50 }, logs: { capacity: 30 } });
    sim.inject({ type: 'invoke', target: 'worker', count: 10 });
    sim.advanceTo(5000);
    const first = sim.eventsSince(0);
    // 10 arrivals, 10 starts, 10 ends, 10 successes = 40 events: all still in the ring.
    expect(first.events).toHaveLength(40);
    expect(first.missed).toBe(0);
    sim.inject({ type: 'invoke', target: 'worker', count: 10 });
    sim.advanceTo(10_000);
    const next = sim.eventsSince(first.next);
    expect(next.events).toHaveLength(40);
    expect(next.events[0]!.seq).toBe(40);
    const stale = sim.eventsSince(0);
    expect(stale.missed).toBe(30);
    const logs = sim.logsSince(0);
    expect(logs.logs).toHaveLength(30);
    expect(logs.missed).toBe(30);
    expect(() => structuredClone({ snap: sim.snapshot(), ev: next, sum: sim.summary() })).not.toThrow();
  });

  it('memory does not grow with run length when tracing is off', () => {
    const sc = scenario({
      durationSeconds: 4 * 3600,
      functions: [fn('f', { duration: { type: 'exponential', meanMs: 100 } })],
      workloads: [{ source: 'api', target: 'f', pattern: { type: 'poisson', ratePerSecond: 50 } }],
    });
    const sim = createSimulation(sc);
    sim.advanceTo(3600_000);
    const internals = sim as unknown as { e: { heap: { size: number }; invocations: { size: number }; syncRequests: { size: number } } };
    const after1h = { heap: internals.e.heap.size, inv: internals.e.invocations.size, sync: internals.e.syncRequests.size };
    sim.runToEnd();
    const after4h = { heap: internals.e.heap.size, inv: internals.e.invocations.size, sync: internals.e.syncRequests.size };
    // Pools and the heap are sized by peak concurrency, not by the number of invocations (about 720,000 here).
    expect(after4h.inv).toBe(after1h.inv);
    expect(after4h.sync).toBe(after1h.sync);
    expect(after4h.heap).toBeLessThan(100);
    expect(sim.summary().functions.f!.invocations).toBeGreaterThan(700_000);
  });
});

describe('scrubbing back is a deterministic replay', () => {
  it('replaying the same triggers at the same times to t gives the same state as having run there', async () => {
    const { createSimulation } = await import('../index');
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(new URL('../../../content/scenarios/alarm-error-rate.json', import.meta.url), 'utf8'));
    const triggers = [
      { t: 30_000, cmd: { type: 'invoke' as const, target: 'checkout', count: 50 } },
      { t: 200_000, cmd: { type: 'set-reserved-concurrency' as const, function: 'checkout', value: 2 } },
    ];
    const play = (to: number) => {
      const sim = createSimulation(json);
      for (const tr of triggers) {
        if (tr.t > to) break;
        sim.advanceTo(tr.t);
        sim.inject(tr.cmd);
      }
      sim.advanceTo(to);
      return sim;
    };
    const live = play(400_000);
    const back = play(250_000);
    back.advanceTo(400_000);
    expect(JSON.stringify(back.summary())).toBe(JSON.stringify(live.summary()));
    expect(JSON.stringify(play(250_000).snapshot())).toBe(JSON.stringify(play(250_000).snapshot()));
  });
});
