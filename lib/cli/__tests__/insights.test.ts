import { describe, expect, it } from 'vitest';
import { initialState, runLine, Session } from '../index';
import { parseQuery, runQuery } from '../insights';

const START = Date.parse('2026-03-01T09:00:00Z') / 1000;

function session(): Session {
  return new Session(
    initialState({
      id: 'x',
      title: 'two functions',
      story: 'Two functions, one of which fails, for the tests.',
      lesson: 'cli-operations',
      durationSeconds: 3600,
      functions: [{ name: 'good', duration: { type: 'fixed', ms: 50 } }, { name: 'bad', failure: { rate: 1 } }],
      workloads: [
        { source: 'invoke', target: 'good', pattern: { type: 'constant', ratePerSecond: 1, endSeconds: 30 } },
        { source: 'invoke', target: 'bad', pattern: { type: 'list', events: [{ atSeconds: 10 }, { atSeconds: 20 }] } },
      ],
    }),
  );
}

function results(s: Session, group: string, query: string) {
  const start = runLine(s, `aws logs start-query --log-group-name ${group} --start-time ${START} --end-time ${START + 3600} --query-string '${query}'`);
  expect(start.exitCode, start.stderr).toBe(0);
  const id = JSON.parse(start.stdout).queryId as string;
  const r = runLine(s, `aws logs get-query-results --query-id ${id}`);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { results: { field: string; value: string }[][]; status: string; statistics: { recordsMatched: number } };
}

describe('Logs Insights subset', () => {
  it('stats count(*) by, over REPORT lines with discovered fields', () => {
    const s = session();
    runLine(s, 'sleep 60');
    const r = results(s, '/aws/lambda/good', 'filter @type = "REPORT" | stats count(*) as n, max(@duration) as maxd');
    expect(r.status).toBe('Complete');
    expect(r.results).toEqual([[{ field: 'n', value: '30' }, { field: 'maxd', value: '50' }]]);
  });
  it('filter like /regex/, fields, sort and limit; the first error of a function', () => {
    const s = session();
    runLine(s, 'sleep 60');
    const r = results(s, '/aws/lambda/bad', 'fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp asc | limit 1');
    expect(r.results).toHaveLength(1);
    expect(r.results[0]![0]!.value).toMatch(/^2026-03-01 09:00:10\./); // after the cold start of the first event at 10 s
    expect(r.results[0]![1]!.value).toMatch(/\tERROR\t/);
  });
  it('parse with a glob pattern extracts fields', () => {
    const rows = [{ '@message': 'order 42 took 120 ms' }, { '@message': 'order 7 took 80 ms' }];
    const out = runQuery(rows, parseQuery('parse @message "order * took * ms" as id, ms | sort ms desc | fields id, ms'));
    expect(out).toEqual([{ id: 42, ms: 120 }, { id: 7, ms: 80 }]);
  });
  it('refuses an unsupported command with MalformedQueryException', () => {
    const s = session();
    const r = runLine(s, `aws logs start-query --log-group-name /aws/lambda/good --start-time ${START} --end-time ${START + 60} --query-string 'dedup @message'`);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toMatch(/MalformedQueryException/);
  });
});
