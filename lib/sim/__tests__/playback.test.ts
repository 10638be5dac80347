/**
 * Playback (what the simulation worker runs) driven by a fake host: a real-time clock that only moves when
 * the test says so, timers that fire in order, and the posted messages collected for inspection.
 */
import { describe, expect, it } from 'vitest';
import { createPlayback } from '../playback';
import type { Frame, FromWorker, Injection, ToWorker } from '../playback-protocol';
import { fn, scenario } from './helpers';

class FakeHost {
  t = 0;
  readonly messages: FromWorker[] = [];
  readonly transfers: ArrayBufferLike[][] = [];
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  readonly playback = createPlayback({
    post: (msg, transfer) => {
      this.messages.push(msg);
      this.transfers.push(transfer);
    },
    now: () => this.t,
    setTimer: (f, ms) => {
      const id = this.nextId++;
      this.timers.push({ at: this.t + ms, fn: f, id });
      return id;
    },
    clearTimer: (id) => {
      this.timers = this.timers.filter((x) => x.id !== id);
    },
  });

  send(msg: ToWorker): void {
    this.playback.handle(msg);
  }

  /** Moves real time on by `ms`, firing each timer at its due time. */
  elapse(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  frames(): Frame[] {
    return this.messages.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
  }

  lastFrame(): Frame {
    const f = this.frames().at(-1);
    if (!f) throw new Error('no frame posted');
    return f;
  }

  ofType<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[] {
    return this.messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  }
}

const load = (scenarioInput: unknown, over: Partial<Extract<ToWorker, { type: 'load' }>> = {}): Extract<ToWorker, { type: 'load' }> => ({
  type: 'load',
  scenario: scenarioInput,
  seed: 7,
  injections: [],
  runTo: 0,
  lanesFn: 0,
  ...over,
});

/** Steady sync traffic: 20 requests a second for two minutes, with random durations (so the seed matters). */
const steady = () =>
  scenario({
    durationSeconds: 120,
    functions: [fn('f', { duration: { type: 'lognormal', medianMs: 120, sigma: 0.8 }, reservedConcurrency: 3 })],
    workloads: [{ source: 'invoke', target: 'f', pattern: { type: 'poisson', ratePerSecond: 20 } }],
  });

/** What a frame shows about the simulation, without the fields measured in real time. */
const simState = (f: Frame) => ({ snapshot: f.snapshot, trace: f.trace, logs: f.logs, metrics: f.metrics, cost: f.cost, sinks: f.sinks, injections: f.injections });

describe('playback: loading', () => {
  it('posts loaded and a first paused frame at time 0, with nothing run before Run', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    expect(h.messages.map((m) => m.type)).toEqual(['loaded', 'frame']);
    const loaded = h.ofType('loaded')[0]!;
    expect(loaded.seed).toBe(7);
    // 120 s over at most 400 points: the finest nice period is 1 s.
    expect(loaded.metricPeriodSeconds).toBe(1);
    // The page shows more DLQ samples than the CLI default.
    expect(loaded.scenario.settings.sampleLimit).toBeGreaterThanOrEqual(200);
    const f = h.lastFrame();
    expect(f.playing).toBe(false);
    expect(f.snapshot.t).toBe(0);
    expect(f.snapshot.events.received).toBe(0);
    expect(f.lanes.reset).toBe(true);
    expect(f.metrics).not.toBeNull();
    expect(f.nextEventAt).not.toBeNull();
    expect(h.pendingTimers).toBe(0);
  });

  it('picks a coarser metric period for a long run', () => {
    const h = new FakeHost();
    h.send(load(scenario({ durationSeconds: 3600 })));
    expect(h.ofType('loaded')[0]!.metricPeriodSeconds).toBe(10);
  });

  it('reports an invalid scenario with its issues and posts no frame', () => {
    const h = new FakeHost();
    h.send(load({ ...steady(), durationSeconds: -5 }));
    expect(h.messages).toHaveLength(1);
    const err = h.ofType('error')[0]!;
    expect(err.message).toBe('The scenario is not valid.');
    expect(err.issues.join('\n')).toContain('durationSeconds');
  });

  it('answers validate without loading anything', () => {
    const h = new FakeHost();
    h.send({ type: 'validate', id: 3, scenario: steady() });
    h.send({ type: 'validate', id: 4, scenario: { ...steady(), functions: [] } });
    const [ok, bad] = h.ofType('validation');
    expect(ok).toEqual({ type: 'validation', id: 3, issues: [] });
    expect(bad!.id).toBe(4);
    expect(bad!.issues.length).toBeGreaterThan(0);
    expect(h.ofType('frame')).toHaveLength(0);
  });
});

describe('playback: clock, speed, pause and resume', () => {
  it('runs virtual time at the chosen speed against real time, sending frames about every 50 ms', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'play' });
    expect(h.lastFrame().playing).toBe(true);
    const framesBefore = h.frames().length;
    h.elapse(1000);
    const f = h.lastFrame();
    // Ticks every 8 ms advance by the real time since the last tick: one real second is one virtual second.
    expect(f.snapshot.t).toBeGreaterThan(900);
    expect(f.snapshot.t).toBeLessThanOrEqual(1000);
    const sent = h.frames().length - framesBefore;
    expect(sent).toBeGreaterThanOrEqual(15);
    expect(sent).toBeLessThanOrEqual(21);
    // Measured from the fake clock: the engine keeps up, so the achieved speed is the chosen one.
    expect(f.actualSpeed).toBeCloseTo(1, 1);
  });

  it('a higher speed moves virtual time faster by that factor', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'speed', speed: 10 });
    expect(h.lastFrame().speed).toBe(10);
    h.send({ type: 'play' });
    h.elapse(1000);
    const t = h.lastFrame().snapshot.t;
    expect(t).toBeGreaterThan(9000);
    expect(t).toBeLessThanOrEqual(10_000);
  });

  it('clamps the speed to 0.1–10,000', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'speed', speed: 1e9 });
    expect(h.lastFrame().speed).toBe(10_000);
    h.send({ type: 'speed', speed: 0 });
    expect(h.lastFrame().speed).toBe(0.1);
  });

  it('caps one tick at 100 ms of real time, so a stalled host does not jump the clock', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'play' });
    // One tick at 8 ms advances 8 virtual ms; the next timer then fires 5 real seconds late.
    h.elapse(8);
    h.t += 5000;
    h.elapse(0);
    h.send({ type: 'pause' });
    expect(h.lastFrame().snapshot.t).toBe(8 + 100);
  });

  it('pause stops the clock and the timers; play resumes from the same instant', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'play' });
    h.elapse(500);
    h.send({ type: 'pause' });
    const paused = h.lastFrame();
    expect(paused.playing).toBe(false);
    expect(h.pendingTimers).toBe(0);
    const frames = h.frames().length;
    h.elapse(2000);
    expect(h.frames().length).toBe(frames);
    h.send({ type: 'play' });
    expect(h.lastFrame().snapshot.t).toBe(paused.snapshot.t);
    h.elapse(500);
    expect(h.lastFrame().snapshot.t).toBeGreaterThan(paused.snapshot.t + 400);
  });

  it('plays to the end, then stops with the final summary and refuses triggers', () => {
    const h = new FakeHost();
    h.send(load(scenario({ durationSeconds: 5, workloads: [{ source: 'invoke', target: 'f', pattern: { type: 'constant', ratePerSecond: 2 } }] })));
    h.send({ type: 'speed', speed: 100 });
    h.send({ type: 'play' });
    h.elapse(1000);
    const f = h.lastFrame();
    expect(f.playing).toBe(false);
    expect(f.snapshot.done).toBe(true);
    expect(f.summary).not.toBeNull();
    expect(f.summary!.events.received).toBe(10);
    expect(h.pendingTimers).toBe(0);
    h.send({ type: 'inject', id: 1, cmd: { type: 'invoke', target: 'f' } });
    expect(h.ofType('inject-result')[0]).toMatchObject({ ok: false, message: 'The run has ended: reset to start again.' });
  });
});

describe('playback: stepping', () => {
  it('steps to the next event a learner can see, then pauses', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    const first = h.lastFrame();
    expect(first.trace).toHaveLength(0);
    h.send({ type: 'step' });
    const f = h.lastFrame();
    expect(f.playing).toBe(false);
    expect(f.trace.length).toBeGreaterThan(0);
    expect(f.snapshot.t).toBe(first.nextEventAt);
    expect(h.pendingTimers).toBe(0);
    // The next step moves on from there.
    h.send({ type: 'step' });
    expect(h.lastFrame().snapshot.t).toBeGreaterThanOrEqual(f.snapshot.t);
    expect(h.lastFrame().trace.length).toBeGreaterThan(0);
  });

  it('with nothing scheduled, a step runs to the end', () => {
    const h = new FakeHost();
    h.send(load(scenario({ durationSeconds: 30 })));
    expect(h.lastFrame().nextEventAt).toBeNull();
    h.send({ type: 'step' });
    expect(h.lastFrame().snapshot.t).toBe(30_000);
    expect(h.lastFrame().snapshot.done).toBe(true);
  });

  it('a step while playing pauses', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'play' });
    h.elapse(100);
    h.send({ type: 'step' });
    expect(h.lastFrame().playing).toBe(false);
    expect(h.pendingTimers).toBe(0);
  });
});

describe('playback: triggers and replay', () => {
  it('a trigger runs at once and reports its events; before loading it is refused', () => {
    const h = new FakeHost();
    h.send({ type: 'inject', id: 1, cmd: { type: 'invoke', target: 'f', count: 5 } });
    expect(h.ofType('inject-result')[0]).toEqual({ type: 'inject-result', id: 1, ok: false, message: 'The simulation is not loaded yet.' });
    h.send(load(scenario()));
    h.send({ type: 'inject', id: 2, cmd: { type: 'invoke', target: 'f', count: 5 } });
    const res = h.ofType('inject-result')[1]!;
    expect(res).toMatchObject({ id: 2, ok: true, message: '5 events sent' });
    expect(res.firstEventId).toBeTruthy();
    // Events sent at t = 0 are admitted at t = 0: the frame already shows them running.
    const f = h.lastFrame();
    expect(f.snapshot.events.received).toBe(5);
    expect(f.snapshot.functions[0]!.busy).toBe(5);
    expect(f.injections).toEqual([{ t: 0, cmd: { type: 'invoke', target: 'f', count: 5 } }]);
    h.send({ type: 'inject', id: 3, cmd: { type: 'invoke', target: 'nope' } });
    expect(h.ofType('inject-result')[2]).toMatchObject({ id: 3, ok: false });
    expect(h.ofType('inject-result')[2]!.message).toContain('nope');
  });

  it('is deterministic: the same seed and triggers give the same run, another seed a different one', () => {
    const injections: Injection[] = [
      { t: 2000, cmd: { type: 'invoke', target: 'f', count: 30 } },
      { t: 9000, cmd: { type: 'set-reserved-concurrency', function: 'f', value: 10 } },
    ];
    const runTo = (seed: number) => {
      const h = new FakeHost();
      h.send(load(steady(), { seed, injections, runTo: 20_000 }));
      return h.lastFrame();
    };
    const a = runTo(11);
    const b = runTo(11);
    expect(a.snapshot.t).toBe(20_000);
    expect(simState(a)).toEqual(simState(b));
    expect(a.injections).toEqual(injections);
    expect(a.snapshot.functions[0]!.reservedConcurrency).toBe(10);
    expect(a.snapshot.events.received).toBeGreaterThan(30);
    expect(simState(runTo(12)).snapshot).not.toEqual(simState(a).snapshot);
  });

  it('a replayed link ends in the same state as the live run it was recorded from', () => {
    const live = new FakeHost();
    live.send(load(steady(), { seed: 5 }));
    live.send({ type: 'speed', speed: 10 });
    live.send({ type: 'play' });
    live.elapse(300);
    live.send({ type: 'inject', id: 1, cmd: { type: 'invoke', target: 'f', count: 12 } });
    live.elapse(400);
    live.send({ type: 'pause' });
    const end = live.lastFrame();
    const replay = new FakeHost();
    replay.send(load(steady(), { seed: 5, injections: end.injections, runTo: end.snapshot.t }));
    const again = replay.lastFrame();
    expect(again.snapshot).toEqual(end.snapshot);
    expect(again.injections).toEqual(end.injections);
  });

  it('a trigger that no longer applies is skipped with an explanation', () => {
    const h = new FakeHost();
    h.send(load(steady(), { injections: [{ t: 1000, cmd: { type: 'invoke', target: 'gone' } }], runTo: 2000 }));
    const err = h.ofType('error')[0]!;
    expect(err.message).toBe('Some triggers in the link could not be replayed.');
    expect(err.issues[0]).toContain('gone');
    expect(h.lastFrame().snapshot.t).toBe(2000);
    expect(h.lastFrame().injections).toEqual([]);
  });

  it('seeking back replays from the start and keeps later triggers, applied when the clock reaches them', () => {
    const h = new FakeHost();
    h.send(load(steady(), { seed: 3 }));
    h.send({ type: 'seek', t: 4000 });
    h.send({ type: 'inject', id: 1, cmd: { type: 'invoke', target: 'f', count: 8 } });
    h.send({ type: 'seek', t: 10_000 });
    const forward = h.lastFrame();
    expect(forward.snapshot.t).toBe(10_000);

    h.send({ type: 'seek', t: 2000 });
    expect(h.ofType('rewound')).toEqual([{ type: 'rewound', t: 2000 }]);
    const back = h.lastFrame();
    expect(back.snapshot.t).toBe(2000);
    expect(back.lanes.reset).toBe(true);
    // The trigger at 4 s is still listed (it will replay), but has not happened yet.
    expect(back.injections).toEqual([{ t: 4000, cmd: { type: 'invoke', target: 'f', count: 8 } }]);
    expect(back.snapshot.events.received).toBeLessThan(forward.snapshot.events.received);

    // Forward again: the same past comes back exactly.
    h.send({ type: 'seek', t: 10_000 });
    expect(h.lastFrame().snapshot).toEqual(forward.snapshot);
  });

  it('seeking clamps to the run', () => {
    const h = new FakeHost();
    h.send(load(scenario({ durationSeconds: 10 })));
    h.send({ type: 'seek', t: 1e9 });
    expect(h.lastFrame().snapshot.t).toBe(10_000);
  });
});

describe('playback: sampling at high speed', () => {
  /** Many short invocations: far more trace events per real millisecond than the page can use. */
  const busy = () =>
    scenario({
      durationSeconds: 600,
      functions: [fn('f', { duration: { type: 'fixed', ms: 20 } })],
      workloads: [{ source: 'invoke', target: 'f', pattern: { type: 'constant', ratePerSecond: 500 } }],
    });

  it('samples the trace and logs when events come too fast, while the counters stay complete', () => {
    const h = new FakeHost();
    h.send(load(busy()));
    h.send({ type: 'speed', speed: 50 });
    h.send({ type: 'play' });
    h.elapse(200);
    h.send({ type: 'pause' });
    const sampled = h.frames().filter((f) => f.sampling);
    expect(sampled.length).toBeGreaterThan(0);
    const end = h.lastFrame();
    expect(end.sampling).toBe(false);
    // Every arrival up to now is counted even though only samples of the trace were recorded.
    const reference = new FakeHost();
    reference.send(load(busy(), { runTo: end.snapshot.t }));
    expect(end.snapshot.events).toEqual(reference.lastFrame().snapshot.events);
    expect(end.snapshot.functions[0]!.counters).toEqual(reference.lastFrame().snapshot.functions[0]!.counters);
  });

  it('does not sample at a gentle pace', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'play' });
    h.elapse(1000);
    expect(h.frames().some((f) => f.sampling)).toBe(false);
  });

  it('limits one frame to a few hundred trace events, notable ones first', () => {
    const h = new FakeHost();
    h.send(load(busy()));
    h.send({ type: 'seek', t: 1000 });
    const f = h.lastFrame();
    expect(f.trace.length).toBeLessThanOrEqual(300);
    expect(f.traceSkipped).toBeGreaterThan(0);
    expect(f.logs.length).toBeLessThanOrEqual(200);
  });
});

describe('playback: lanes, environments and cost', () => {
  it('switches the lanes to another function with a reset, and sends the lane cells as a transfer', () => {
    const h = new FakeHost();
    h.send(load(scenario({ functions: [fn('a'), fn('b')], workloads: [{ source: 'invoke', target: 'b', pattern: { type: 'constant', ratePerSecond: 5 } }] })));
    h.send({ type: 'seek', t: 3000 });
    h.send({ type: 'lanes-function', fn: 1 });
    const f = h.lastFrame();
    expect(f.lanes.fn).toBe(1);
    expect(f.lanes.reset).toBe(true);
    expect(f.lanes.chunk).not.toBeNull();
    expect(h.transfers.at(-1)).toEqual([f.lanes.chunk!.cells.buffer]);
    h.send({ type: 'lanes-function', fn: 9 });
    expect(h.lastFrame()).toBe(f);
  });

  it('sends the environment list only when asked, and counts environments by state', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'seek', t: 5000 });
    expect(h.lastFrame().envs).toBeNull();
    h.send({ type: 'want-envs', want: true });
    const f = h.lastFrame();
    expect(f.envs).not.toBeNull();
    const c = f.snapshot.functions[0]!.envCounts;
    expect(c.init + c.busy + c.idle).toBe(f.envs!.length);
  });

  it('prices the run with and without the free tier', () => {
    const h = new FakeHost();
    h.send(load(steady()));
    h.send({ type: 'seek', t: 60_000 });
    const cost = h.lastFrame().cost!;
    expect(cost.lines).toHaveLength(1);
    expect(cost.requests).toBe(h.lastFrame().snapshot.functions[0]!.counters.invocations);
    expect(cost.list.totalUsd).toBeGreaterThan(0);
    expect(cost.free.totalUsd).toBe(0);
  });
});
