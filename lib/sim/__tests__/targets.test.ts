import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../schema';
import { defaultTarget, invokeTargets, runningTraffic } from '../targets';
import type { InjectCommand } from '../simulation';

function preset(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(`content/scenarios/${name}.json`, 'utf8')));
}

describe('trigger targets', () => {
  const canary = preset('canary-alias-rollout');
  const stream = preset('kinesis-iterator-age');

  it('lists each function\u2019s aliases before the function itself', () => {
    expect(invokeTargets(canary)).toEqual(['payments:live', 'payments']);
  });

  it('starts where the first push workload already sends its events', () => {
    expect(defaultTarget(canary)).toBe('payments:live');
  });

  it('starts on the first function when only a stream feeds it (no caller to imitate)', () => {
    expect(stream.workloads.every((w) => w.source === 'kinesis')).toBe(true);
    expect(defaultTarget(stream)).toBe('telemetry');
    const withAlias = { ...stream, functions: [{ ...stream.functions[0]!, aliases: [{ ...canary.functions[0]!.aliases[0]!, name: 'prod' }] }] };
    expect(defaultTarget(withAlias)).toBe('telemetry:prod');
  });

  it('keeps the traffic that was started and not stopped', () => {
    const start = (id: string): { cmd: InjectCommand } => ({ cmd: { type: 'start-traffic', id, source: 'api', target: 'a', ratePerSecond: 5 } as InjectCommand });
    const stop = (id: string): { cmd: InjectCommand } => ({ cmd: { type: 'stop-traffic', id } as InjectCommand });
    expect(runningTraffic([start('x'), start('y'), stop('x')])).toEqual([{ id: 'y', ratePerSecond: 5, source: 'api', target: 'a' }]);
  });
});
