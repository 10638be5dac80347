/** The CLI (npm run sim): readable summary, --json shape, --logs, and readable errors without stack traces. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sim-cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sim CLI', () => {
  it('prints a readable summary of a preset', () => {
    const r = cli('content/scenarios/sqs-poison-message-redrive.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('A poison message in a batch of 10');
    expect(r.out).toMatch(/to DLQ 10/);
    expect(r.out).toContain('matches the run');
  });

  it('--json prints one object with functions, events, queues and metrics; --logs adds log lines', () => {
    const r = cli('content/scenarios/async-failure-to-dlq.json', '--json', '--logs');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    const f = j.functions.thumbnailer;
    for (const k of ['invocations', 'errors', 'throttles', 'coldStarts', 'warmStarts', 'timeouts', 'billedMs', 'gbSeconds', 'costUsd', 'maxConcurrency']) expect(typeof f[k]).toBe('number');
    for (const k of ['received', 'succeeded', 'toDlq', 'toDestination', 'dropped', 'pending']) expect(typeof j.events[k]).toBe('number');
    expect(j.events.toDlqReasons).toEqual({ 'async-retries-exhausted': 3 });
    expect(j.queues['thumbnail-dlq']).toMatchObject({ depth: 3, sent: 3 });
    expect(j.metrics.functions.thumbnailer.Invocations.length).toBeGreaterThan(0);
    expect(j.logs.filter((l: { message: string }) => l.message.startsWith('REPORT'))).toHaveLength(26);
  });

  it('exits non-zero with a readable error, never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', title: 'Bad one', story: 'Broken on purpose for a test.', lesson: 'concurrency', durationSeconds: 10, functions: [{ name: 'f', memoryMb: 1 }] }));
    const r = cli(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a valid scenario');
    expect(r.err).toContain('functions[0].memoryMb');
    expect(r.err).not.toMatch(/\n\s+at /);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    const r2 = cli(notJson);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('is not valid JSON');
    expect(r2.err).not.toMatch(/\n\s+at /);

    const r3 = cli(join(dir, 'missing.json'));
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('no such file');

    const r4 = cli();
    expect(r4.code).toBe(2);
    expect(r4.err).toContain('usage');
  });

  it('--json includes every alarm with its state, datapoints and history; the text output shows environments and alarms', () => {
    const r = cli('content/scenarios/alarm-error-rate.json', '--json', '--no-metrics');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.alarms[0]).toMatchObject({ name: 'checkout-error-rate', type: 'metric', state: 'OK', threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2 });
    expect(j.alarms[0].history.map((h: { newState: string }) => h.newState)).toEqual(['OK', 'ALARM', 'OK']);
    expect(j.alarms[0].datapoints).toHaveLength(12);
    expect(j.functions.checkout.environments.peak).toBeGreaterThan(0);
    const t = cli('content/scenarios/alarm-error-rate.json');
    expect(t.out).toContain('checkout-error-rate: OK');
    expect(t.out).toMatch(/environments avg [\d.]+ {2}peak \d+ {2}utilisation \d+ %/);
  });

  it('accepts a file saved with a UTF-8 byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF' + readFileSync(join(root, 'content/scenarios/throttle-storm-reserved.json'), 'utf8'), 'utf8');
    const r = cli(file, '--json', '--no-metrics');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).scenario.id).toBe('throttle-storm-reserved');
  });

  it('stops quietly, without a stack trace, when its output pipe closes early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx scripts/sim-cli.ts content/scenarios/throttle-storm-reserved.json --trace | head -c 10 > /dev/null`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
