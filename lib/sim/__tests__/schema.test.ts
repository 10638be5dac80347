/** Scenario validation: clear errors naming every bad field, defaults, and the committed JSON Schema. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../index';
import { scenarioJsonSchemaText } from '../json-schema';
import { fn, scenario } from './helpers';

function issuesOf(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe('scenario schema', () => {
  it('applies the fact-sheet defaults', () => {
    const s = parseScenario(scenario({ functions: [{ name: 'f' }] }));
    const f = s.functions[0]!;
    expect([f.memoryMb, f.timeoutSeconds, f.runtime, f.architecture]).toEqual([128, 3, 'nodejs22.x', 'x86_64']);
    expect(s.account).toEqual({ concurrencyLimit: 1000, unreservedMinimum: 100 });
    expect(s.settings).toMatchObject({ idleTimeoutSeconds: 600, maxLifetimeSeconds: 7200, scalingBurst: 1000, scalingRefillPerSecond: 100, metricPeriodSeconds: 60, freeTier: false });
  });

  it('names the path of every bad field in one go', () => {
    const issues = issuesOf({
      id: 'Bad Id',
      title: 'ok title',
      story: 'A story long enough to pass.',
      lesson: 'no-such-lesson',
      durationSeconds: 10,
      functions: [{ name: 'f', memoryMb: 64, timeoutSeconds: 901, extra: true }],
      workloads: [{ source: 'ftp', target: 'f', pattern: { type: 'constant' } }],
    });
    const text = issues.join('\n');
    expect(text).toContain('scenario: id:');
    expect(text).toContain('scenario: lesson:');
    expect(text).toContain('scenario: functions[0].memoryMb:');
    expect(text).toContain('scenario: functions[0].timeoutSeconds:');
    expect(text).toContain('functions[0]: Unrecognized key: "extra"');
    expect(text).toContain('scenario: workloads[0].source:');
    expect(issues.length).toBeGreaterThanOrEqual(6);
  });

  it('checks references and AWS configuration rules with paths', () => {
    const text = issuesOf(
      scenario({
        functions: [
          fn('f', { reservedConcurrency: 950, versions: [{ version: '1' }], aliases: [{ name: 'live', version: '2', additionalVersionWeights: { '1': 0.7, '3': 0.5 } }], async: { deadLetterQueue: 'nowhere', onFailure: 'topic' } }),
          fn('f'),
        ],
        destinations: [{ name: 'topic', type: 'sns' }],
        queues: [{ name: 'q', redrivePolicy: { deadLetterQueue: 'q', maxReceiveCount: 3 } }],
        streams: [{ name: 'ddb', type: 'dynamodb', retentionHours: 48 }],
        eventSourceMappings: [{ function: 'g', queue: 'q', parallelizationFactor: 2 }],
        workloads: [{ source: 'api', target: 'f:beta', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    ).join('\n');
    expect(text).toContain('functions[1].name: duplicate function name "f"');
    expect(text).toContain('functions[0].aliases[0].version: alias points to version "2"');
    expect(text).toContain('functions[0].aliases[0].additionalVersionWeights.3: version "3" is not in versions');
    expect(text).toContain('weights add up to 1.2');
    expect(text).toContain('functions[0].async.deadLetterQueue: no queue or destination named "nowhere"');
    expect(text).toContain('account.concurrencyLimit: reserved (950)');
    expect(text).toContain('queues[0].redrivePolicy.deadLetterQueue: a queue cannot be its own dead-letter queue');
    expect(text).toContain('streams[0].retentionHours: DynamoDB Streams keep records for 24 hours');
    expect(text).toContain('eventSourceMappings[0].function: no function named "g"');
    expect(text).toContain('eventSourceMappings[0].parallelizationFactor: parallelizationFactor applies to streams only');
    expect(text).toContain('workloads[0].target: function "f" has no alias "beta"');
  });

  it('rejects provisioned concurrency on $LATEST by construction and above reserved concurrency', () => {
    const text = issuesOf(scenario({ functions: [fn('f', { reservedConcurrency: 2, versions: [{ version: '1', provisionedConcurrency: 3 }] })] })).join('\n');
    expect(text).toContain('provisioned concurrency (3) cannot exceed reserved concurrency (2)');
    expect(issuesOf(scenario({ functions: [fn('f', { versions: [{ version: '$LATEST' as never }] })] })).join('\n')).toContain('$LATEST cannot be listed');
  });

  it('docs/scenario.schema.json is up to date (run: npx tsx scripts/gen-scenario-schema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../docs/scenario.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });
});
