import { describe, expect, it } from 'vitest';
import { createSimulation, type InjectCommand } from '../../sim/index';
import { initialState, runLine, Session } from '../index';
import { adoptPageRun, foldLive, markOf, memoOf, pushFor, type LinkMemo, type PageRun } from '../page-link';

type Obj = Record<string, unknown>;

const BLANK = {
  id: 'blank-function',
  title: 'Blank function',
  story: 'One function with default settings and no traffic.',
  lesson: 'what-is-lambda',
  seed: 1,
  durationSeconds: 600,
  functions: [{ name: 'my-function', runtime: 'nodejs22.x', memoryMb: 256, timeoutSeconds: 3, duration: { type: 'lognormal', medianMs: 120, sigma: 0.4 } }],
};

/** The simulator page as the worker runs it: a scenario, a seed, triggers at their times, the current time. */
class FakePage {
  run: PageRun;
  constructor(input: Obj) {
    this.run = { input: structuredClone(input), seed: 1, injections: [], t: 0 };
  }
  trigger(cmd: InjectCommand) {
    this.run = { ...this.run, injections: [...this.run.injections, { t: this.run.t, cmd }] };
  }
  play(toMs: number) {
    this.run = { ...this.run, t: toMs };
  }
  editConfig(edit: (input: Obj) => void) {
    const input = structuredClone(this.run.input);
    edit(input);
    // The config editor restarts the run from the start.
    this.run = { input, seed: this.run.seed, injections: [], t: 0 };
  }
  apply(push: NonNullable<ReturnType<typeof pushFor>>) {
    if (push.kind === 'seek') this.run = { ...this.run, t: push.t };
    else this.run = { input: push.input, seed: push.seed, injections: push.injections, t: push.runTo };
  }
  /** What the page shows: its run replayed by a fresh engine, like the worker does. */
  summary() {
    const sim = createSimulation(this.run.input, { seed: this.run.seed });
    for (const i of this.run.injections) {
      sim.advanceTo(i.t);
      sim.inject(i.cmd as InjectCommand);
    }
    sim.advanceTo(this.run.t);
    return sim.summary({ omitMetrics: true });
  }
}

/** The terminal with its link to the page, as components/terminal/simulator-terminal.tsx wires it. */
function linked(page: FakePage) {
  const session = new Session(initialState(page.run.input));
  let memo: LinkMemo | null = null;
  const type = (line: string) => {
    memo = adoptPageRun(session, page.run, memo).memo;
    const mark = markOf(session);
    const r = runLine(session, line);
    const push = pushFor(session, mark, memo, page.run.input);
    if (push) {
      page.apply(push);
      memo = memoOf(page.run);
    }
    return { ...r, push };
  };
  return { session, type };
}

const json = (r: { stdout: string; exitCode: number; stderr: string }) => {
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Obj;
};

const METRIC = 'aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name Invocations --dimensions Name=FunctionName,Value=my-function --start-time 2026-03-01T09:00:00Z --end-time 2026-03-01T10:00:00Z --period 3600 --statistics Sum';
const sumOf = (r: Obj) => ((r.Datapoints as { Sum: number }[]) ?? []).reduce((a, d) => a + d.Sum, 0);

describe('the simulator page and its terminal share one state', () => {
  it('page triggers reach the terminal: metrics and logs see them once the page has run past them', () => {
    const page = new FakePage(BLANK);
    const t = linked(page);
    page.play(10_000);
    page.trigger({ type: 'invoke', target: 'my-function', count: 5 });
    page.play(60_000);
    expect(sumOf(json(t.type(METRIC)))).toBe(5);
    const logs = json(t.type('aws logs filter-log-events --log-group-name /aws/lambda/my-function --filter-pattern START'));
    expect((logs.events as unknown[]).length).toBe(5);
    expect(t.type('date').stdout).toBe('2026-03-01T09:01:00Z');
    // Reading commands send nothing back.
    expect(t.type(METRIC).push).toBeNull();
  });

  it('a configuration edit on the page is what get-function-configuration returns', () => {
    const page = new FakePage(BLANK);
    const t = linked(page);
    expect(json(t.type('aws lambda get-function-configuration --function-name my-function')).Timeout).toBe(3);
    page.editConfig((i) => ((i.functions as Obj[])[0]!.timeoutSeconds = 12));
    expect(json(t.type('aws lambda get-function-configuration --function-name my-function')).Timeout).toBe(12);
    page.editConfig((i) => (i.functions as Obj[]).push({ name: 'second', timeoutSeconds: 5 }));
    expect((json(t.type('aws lambda list-functions')).Functions as Obj[]).map((f) => f.FunctionName)).toEqual(['my-function', 'second']);
  });

  it('terminal changes become the page run: configuration, invocations and time, with the same results on both sides', () => {
    const page = new FakePage(BLANK);
    const t = linked(page);
    page.play(5_000);
    page.trigger({ type: 'invoke', target: 'my-function', count: 2 });
    const upd = t.type('aws lambda update-function-configuration --function-name my-function --timeout 9 --memory-size 512');
    expect(upd.push?.kind).toBe('load');
    const fn = (page.run.input.functions as Obj[])[0]!;
    expect(fn.timeoutSeconds).toBe(9);
    expect(fn.memoryMb).toBe(512);
    // The page's own trigger survived the new run; the scenario was not padded with the CLI's empty lists.
    expect(page.run.injections.map((i) => (i.cmd as Obj).type)).toEqual(['invoke']);
    expect('queues' in page.run.input).toBe(false);

    const inv = t.type("aws lambda invoke --function-name my-function --payload '{}' --cli-binary-format raw-in-base64-out out.json");
    expect(inv.exitCode, inv.stderr).toBe(0);
    expect(inv.push?.kind).toBe('load');
    expect(page.run.injections).toHaveLength(2);
    expect(page.run.t).toBe(t.session.state.nowMs);
    expect(page.summary().functions['my-function']!.invocations).toBe(t.session.simulation()!.summary({ omitMetrics: true }).functions['my-function']!.invocations);
    expect(page.summary().functions['my-function']!.invocations).toBe(3);

    const sleep = t.type('sleep 30');
    expect(sleep.push).toEqual({ kind: 'seek', t: t.session.state.nowMs });
    expect(page.run.t).toBe(t.session.state.nowMs);
  });

  it('live changes (reserved concurrency, alias routing, alarms) are triggers at their time, folded into the configuration', () => {
    const page = new FakePage({ ...BLANK, functions: [{ ...BLANK.functions[0], versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1' }] }] });
    const t = linked(page);
    page.play(20_000);
    t.type('aws lambda put-function-concurrency --function-name my-function --reserved-concurrent-executions 7');
    t.type(`aws lambda update-alias --function-name my-function --name live --routing-config 'AdditionalVersionWeights={"2"=0.25}'`);
    expect(page.run.injections.map((i) => [(i.cmd as Obj).type, i.t])).toEqual([
      ['set-reserved-concurrency', 20_000],
      ['set-alias-routing', 20_000],
    ]);
    expect((page.run.input.functions as Obj[])[0]!.reservedConcurrency).toBeUndefined();
    // A page trigger after that makes the terminal re-read the page: the live changes still hold.
    page.trigger({ type: 'invoke', target: 'my-function', count: 1 });
    expect(json(t.type('aws lambda get-function-concurrency --function-name my-function')).ReservedConcurrentExecutions).toBe(7);
    expect((json(t.type('aws lambda list-aliases --function-name my-function')).Aliases as Obj[])[0]!.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.25 } });
    expect(foldLive(page.run.input, page.run.injections)).toMatchObject({ functions: [{ reservedConcurrency: 7, aliases: [{ name: 'live', version: '1', additionalVersionWeights: { '2': 0.25 } }] }] });
  });

  it('a page scrubbed back takes the terminal back in time; triggers after that time are kept for later', () => {
    const page = new FakePage(BLANK);
    const t = linked(page);
    page.play(30_000);
    page.trigger({ type: 'invoke', target: 'my-function', count: 4 });
    page.play(90_000);
    expect(sumOf(json(t.type(METRIC)))).toBe(4);
    page.play(10_000); // scrub back: the trigger at 30 s is in the future again
    expect(sumOf(json(t.type(METRIC)))).toBe(0);
    t.type('aws lambda update-function-configuration --function-name my-function --timeout 5');
    expect(page.run.injections.map((i) => i.t)).toEqual([30_000]);
    expect(page.run.t).toBe(10_000);
  });

  it('a new scenario on the page (another preset) becomes the terminal account', () => {
    const page = new FakePage(BLANK);
    const t = linked(page);
    t.type('aws lambda get-function --function-name my-function');
    page.run = { input: { ...BLANK, id: 'other', functions: [{ name: 'orders' }] }, seed: 7, injections: [], t: 0 };
    const r = t.type('aws lambda list-functions --query "Functions[].FunctionName" --output text');
    expect(r.stdout.trim()).toBe('orders');
    expect(t.session.state.base.seed).toBe(7);
  });
});
