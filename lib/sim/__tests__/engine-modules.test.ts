/**
 * The engine's concept modules on their own: the sentences in engine/narration.ts, rule 21 in engine/cost.ts,
 * rule 24's ledger, the record pool, routing, the failure model and the invariant check. End-to-end
 * behaviour is pinned by the rules-* and property tests; these pin the pieces those tests reach only
 * indirectly (exact wording, pricing arithmetic, pool reuse, what a broken counter reports).
 */
import { describe, expect, it } from 'vitest';
import { R_ACCOUNT, R_RESERVED, R_SCALING } from '../event-kinds';
import { chargeInvocation, runCost } from '../engine/cost';
import { Fates } from '../engine/fates';
import { checkInvariants } from '../engine/invariants';
import {
  aliasShiftText,
  alarmPeriodError,
  envShutDownText,
  invokeEndText,
  invokeStartText,
  maxReceiveCountWarning,
  provisionedRecycledText,
  provisionedText,
  throttleText,
  visibilityTimeoutWarning,
} from '../engine/narration';
import { Pool } from '../engine/pool';
import { pickVersion, resolveTarget, setRoutes } from '../engine/routing';
import { runsOutOfMemory } from '../engine/failure';
import { Engine } from '../engine';
import { OUT_ERROR, OUT_OK, OUT_PARTIAL, OUT_TIMEOUT } from '../model';
import type { FnState, Inv } from '../model';
import { FREE_TIER_GB_SECONDS, FREE_TIER_REQUESTS, PRICE_PER_GB_SECOND, PRICE_PER_REQUEST } from '../billing';
import { parseScenario } from '../schema';
import { fn, scenario } from './helpers';

function engineFor(over: Parameters<typeof scenario>[0] = {}): Engine {
  return new Engine(parseScenario(scenario(over)));
}

describe('engine narration', () => {
  const acct = { limit: 1000, reservedTotal: 100, pcUnreserved: 50 };

  it('says why a request was throttled, by reason', () => {
    expect(throttleText(R_RESERVED, 0, acct, 1000, 0.1)).toBe('reserved concurrency is 0 (the function is switched off)');
    expect(throttleText(R_RESERVED, 5, acct, 1000, 0.1)).toBe('reserved concurrency of 5 is in use');
    expect(throttleText(R_ACCOUNT, null, acct, 1000, 0.1)).toBe("the account's unreserved concurrency (850 of 1000) is in use");
    expect(throttleText(R_SCALING, null, acct, 1000, 0.1)).toBe('the function may add only 1000 new environments at once, refilled at 100 per second (scaling rate)');
  });

  const start = { eventId: 'api-7', count: 1, fnName: 'orders', verName: '$LATEST', envId: 3, cold: false, provisioned: false, spillover: false, initRetried: false, timeoutSeconds: 30, timesOut: false, initMs: 0, durMs: 40 };

  it('describes warm, provisioned, cold and batched starts', () => {
    expect(invokeStartText(start)).toBe('api-7 → orders:$LATEST: warm start on environment #3');
    expect(invokeStartText({ ...start, provisioned: true, verName: '2' })).toBe('api-7 → orders:2: warm start on provisioned environment #3');
    expect(invokeStartText({ ...start, cold: true, initMs: 412.6, durMs: 39.4 })).toBe('api-7 → orders:$LATEST: cold start on new environment #3 (INIT 413 ms, then 39 ms handler)');
    expect(invokeStartText({ ...start, count: 10, spillover: true })).toBe(
      'api-7 (+9 more) → orders:$LATEST: warm start on environment #3 (provisioned concurrency all busy: spillover to on-demand)',
    );
  });

  it('explains the 10-second INIT limit, and says when the retried INIT cannot finish in time', () => {
    const retried = { ...start, cold: true, initRetried: true, timeoutSeconds: 3 };
    expect(invokeStartText(retried)).toBe(
      'api-7 → orders:$LATEST: cold start on new environment #3: INIT passed the 10 s limit, so Lambda stopped it and runs INIT again inside the invocation, under the 3 s timeout',
    );
    expect(invokeStartText({ ...retried, timesOut: true })).toMatch(/under the 3 s timeout \(it will not finish in time\)$/);
  });

  const end = { fnName: 'orders', verName: '1', envId: 9, outcome: OUT_OK, failedItems: 0, oom: false, timeoutSeconds: 6, memoryMb: 128, billedMs: 51 };

  it('describes each outcome of an invocation with its billed time', () => {
    expect(invokeEndText(end)).toBe('orders:1 on environment #9 succeeded; billed 51 ms');
    expect(invokeEndText({ ...end, outcome: OUT_PARTIAL, failedItems: 1 })).toBe('orders:1 on environment #9 returned 1 batch item failure; billed 51 ms');
    expect(invokeEndText({ ...end, outcome: OUT_PARTIAL, failedItems: 3 })).toBe('orders:1 on environment #9 returned 3 batch item failures; billed 51 ms');
    expect(invokeEndText({ ...end, outcome: OUT_TIMEOUT, billedMs: 6000 })).toBe('orders:1 on environment #9 timed out after 6 s (the environment is reset); billed 6000 ms');
    expect(invokeEndText({ ...end, outcome: OUT_ERROR })).toBe('orders:1 on environment #9 failed with an error; billed 51 ms');
    expect(invokeEndText({ ...end, outcome: OUT_ERROR, oom: true })).toBe(
      'orders:1 on environment #9 ran out of memory (128 MB; Runtime.OutOfMemory): the runtime exited and the environment is replaced; billed 51 ms',
    );
  });

  it('narrates environments being provisioned, recycled and shut down', () => {
    expect(provisionedText(1, 'orders', 'live')).toBe('1 provisioned environment of orders:live initialised before traffic');
    expect(provisionedText(4, 'orders', '2')).toBe('4 provisioned environments of orders:2 initialised before traffic');
    expect(provisionedRecycledText(5, 'orders')).toBe('Provisioned environment #5 of orders reached its maximum lifetime and was replaced by a pre-initialised one');
    expect(envShutDownText('idle', 5, 'orders', 600_000, 7_200_000)).toBe(
      'Environment #5 of orders was idle for 10 min 00 s and was reclaimed; the next request there will be a cold start',
    );
    expect(envShutDownText('maximum lifetime', 5, 'orders', 600_000, 7_200_000)).toBe('Environment #5 of orders reached its maximum lifetime (2 h 00 min) and was shut down');
  });

  it('narrates an alias shift with its weights, or all traffic to one version', () => {
    expect(aliasShiftText('orders', 'live', '1', { '2': 0.1 })).toBe('Alias orders:live now points to version 1 with 10 % to version 2');
    expect(aliasShiftText('orders', 'live', '2', { '1': 0 })).toBe('Alias orders:live now points to version 2 (all traffic)');
  });

  it('words configuration warnings and the alarm period refusal', () => {
    expect(visibilityTimeoutWarning(0, 'jobs', 30_000, 10)).toBe(
      'eventSourceMappings[0]: queue "jobs" visibility timeout (30 s) is less than 6 × the function timeout (10 s); AWS recommends at least 60 s',
    );
    expect(maxReceiveCountWarning('jobs', 2)).toBe('queues "jobs": maxReceiveCount 2 is below the recommended 5; throttled batches can send healthy messages to the DLQ');
    expect(alarmPeriodError('errors', 90, 60)).toBe('alarm "errors" has a 90 s period, which is not a multiple of the metric period (60 s)');
  });
});

describe('engine cost (rule 21)', () => {
  function fnState(over: Partial<FnState> = {}): FnState {
    return { inv: 0, billedMs: 0, initMsTotal: 0, memoryMb: 1024, cfg: { architecture: 'x86_64' }, ...over } as FnState;
  }

  it('bills INIT only on a cold start, rounded up to the millisecond', () => {
    const f = fnState();
    expect(chargeInvocation(f, { cold: true, initMs: 200.4, durMs: 50.2 } as Inv)).toBe(251);
    expect(chargeInvocation(f, { cold: false, initMs: 200.4, durMs: 50.2 } as Inv)).toBe(51);
    expect(f.billedMs).toBe(302);
    expect(f.initMsTotal).toBeCloseTo(200.4, 9);
  });

  it('prices requests and GB-seconds, with the free tier shared across functions', () => {
    const a = fnState({ inv: 2_000_000, billedMs: 1_000_000_000, memoryMb: 1024 });
    const b = fnState({ inv: 500_000, billedMs: 100_000_000, memoryMb: 512, cfg: { architecture: 'arm64' } as FnState['cfg'] });
    const paid = runCost([a, b], false);
    expect(paid.requestUsd).toBeCloseTo(2_500_000 * PRICE_PER_REQUEST, 12);
    expect(paid.computeUsd).toBeCloseTo(1_000_000 * PRICE_PER_GB_SECOND.x86_64 + 50_000 * PRICE_PER_GB_SECOND.arm64, 9);
    expect(paid.totalUsd).toBeCloseTo(paid.requestUsd + paid.computeUsd, 12);
    expect(paid.freeTierApplied).toBe(false);
    const free = runCost([a, b], true);
    expect(free.freeTierApplied).toBe(true);
    expect(free.requestUsd).toBeCloseTo((2_500_000 - FREE_TIER_REQUESTS) * PRICE_PER_REQUEST, 12);
    // The free GB-seconds are used up by the first function; the second pays in full.
    expect(free.perFn[0]).toBeCloseTo((2_000_000 - FREE_TIER_REQUESTS) * PRICE_PER_REQUEST + (1_000_000 - FREE_TIER_GB_SECONDS) * PRICE_PER_GB_SECOND.x86_64, 9);
    expect(free.perFn[1]).toBeCloseTo(500_000 * PRICE_PER_REQUEST + 50_000 * PRICE_PER_GB_SECOND.arm64, 9);
  });
});

describe('fates ledger (rule 24)', () => {
  it('counts arrivals by source and fates by reason', () => {
    const f = new Fates();
    f.received(0, 5);
    f.received(2, 3);
    f.succeeded(0, 4);
    f.toDlq('async-retries-exhausted', 1);
    f.toDlq('async-retries-exhausted', 1);
    f.toDestination('stream-retries-exhausted', 1);
    f.dropped('sync-throttled', 1);
    expect(f.receivedTotal).toBe(8);
    expect([...f.receivedBySource.slice(0, 3)]).toEqual([5, 0, 3]);
    expect(f.succeededBySource[0]).toBe(4);
    expect(f.settled).toBe(8);
    expect(Object.fromEntries(f.dlqReasons)).toEqual({ 'async-retries-exhausted': 2 });
    expect(Object.fromEntries(f.destReasons)).toEqual({ 'stream-retries-exhausted': 1 });
    expect(Object.fromEntries(f.dropReasons)).toEqual({ 'sync-throttled': 1 });
  });
});

describe('record pool', () => {
  it('reuses released records by slot and counts the live ones', () => {
    let made = 0;
    const pool = new Pool((slot) => {
      made++;
      return { slot, v: 0 };
    });
    const a = pool.acquire();
    const b = pool.acquire();
    expect([a.slot, b.slot, pool.live, pool.size]).toEqual([0, 1, 2, 2]);
    pool.release(a.slot);
    expect(pool.live).toBe(1);
    const c = pool.acquire();
    expect(c).toBe(a);
    expect(pool.at(1)).toBe(b);
    expect([made, pool.live, pool.size]).toEqual([2, 2, 2]);
  });
});

describe('routing', () => {
  const e = engineFor({ functions: [fn('f', { versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1' }] })] });
  const f = e.fnByName.get('f')!;

  it('resolves unqualified, version and alias targets, and names what is missing', () => {
    expect(resolveTarget(e.fnByName, 'f').ver?.name).toBe('$LATEST');
    expect(resolveTarget(e.fnByName, 'f:2').ver?.name).toBe('2');
    expect(resolveTarget(e.fnByName, 'f:live').alias?.name).toBe('live');
    expect(() => resolveTarget(e.fnByName, 'g')).toThrow('no function named "g"');
    expect(() => resolveTarget(e.fnByName, 'f:7')).toThrow('function "f" has no version "7"');
    expect(() => resolveTarget(e.fnByName, 'f:beta')).toThrow('function "f" has no alias "beta"');
  });

  it('splits traffic by the alias weights (cumulative routes, the last one open-ended)', () => {
    const alias = f.aliasByName.get('live')!;
    setRoutes(f, alias, '1', { '2': 0.25 });
    expect(alias.routes.map((r) => [r.ver.name, r.cum])).toEqual([
      ['1', 0.75],
      ['2', Infinity],
    ]);
    const t = resolveTarget(e.fnByName, 'f:live');
    let toTwo = 0;
    for (let i = 0; i < 4000; i++) if (pickVersion(t).name === '2') toTwo++;
    expect(toTwo / 4000).toBeGreaterThan(0.22);
    expect(toTwo / 4000).toBeLessThan(0.28);
    setRoutes(f, alias, '2', {});
    expect(pickVersion(t).name).toBe('2');
  });
});

describe('failure model', () => {
  it('runs out of memory when the version needs more than the memory size', () => {
    const e = engineFor({ functions: [fn('small', { memoryMb: 128, maxMemoryUsedMb: 200 }), fn('big', { memoryMb: 512, maxMemoryUsedMb: 200 })] });
    const small = e.fnByName.get('small')!;
    const big = e.fnByName.get('big')!;
    expect(runsOutOfMemory(small, small.versions[0]!)).toBe(true);
    expect(runsOutOfMemory(big, big.versions[0]!)).toBe(false);
  });
});

describe('invariants', () => {
  it('passes on a fresh engine and names a broken counter', () => {
    const e = engineFor();
    expect(() => checkInvariants(e)).not.toThrow();
    e.acct.busy = 1;
    expect(() => checkInvariants(e)).toThrow('account busy counter mismatch');
    e.acct.busy = 0;
    e.fates.received(0, 1);
    expect(() => checkInvariants(e)).toThrow('conservation: received 1 != 0+0+0+0+0');
  });
});
