import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run aws (headless runner)', () => {
  it('prints each command with its output and return code; --json gives one array', () => {
    const text = spawnSync('npx', ['tsx', 'scripts/aws-cli.ts', '--commands', 'docs/examples/cli-tour.txt'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('$ aws lambda create-function --function-name orders');
    expect(text.stdout).toMatch(/Invalid base64[^\n]*\n\[exit 252\]/);
    expect(text.stdout).toMatch(/TooManyRequestsException[^\n]*\n\[exit 254\]/);
    const json = spawnSync('npx', ['tsx', 'scripts/aws-cli.ts', '--commands', 'docs/examples/cli-tour.txt', '--json'], { encoding: 'utf8' });
    const results = JSON.parse(json.stdout) as { command: string; exitCode: number; stdout: string }[];
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 252, 0, 0, 0, 254, 0, 0, 254]);
    expect(results[1]!.stdout).toMatch(/^START RequestId/);
    expect(results[8]!.stdout).toContain('GetMetricStatistics');
  }, 60_000);
  it('exits 2 on bad arguments', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/aws-cli.ts', '--bogus'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run aws');
  }, 30_000);
});
