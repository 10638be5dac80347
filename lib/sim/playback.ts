/**
 * Playback of a simulation against real time: the clock loop, trace and log sampling at high speed, replay of
 * recorded triggers (share links, scrubbing back), stepping and the frames the page draws. It is what the
 * simulation worker runs, written without the worker: real time, timers and message posting come from the
 * host, so a test drives it with a fake clock and reads the messages it posts.
 *
 * Work per tick is capped so a heavy scenario slows the simulated clock (the page shows the speed actually
 * reached) instead of flooding the page.
 */
import { computeCost } from './billing';
import { LaneRecorder, type LaneEnv } from './lanes';
import { isNotable } from './narration';
import type { CostView, EnvCounts, Frame, FromWorker, Injection, LaneUpdate, SnapshotLite, ToWorker } from './playback-protocol';
import { formatScenarioIssues, migrateScenarioInput, scenarioSchema, type Scenario } from './schema';
import { InjectError, Simulation } from './simulation';
import type { EnvSnapshot, Snapshot, Summary, TraceEvent } from './types';

const LANE_COLUMNS = 720;
const LANE_COLUMNS_MAX = 2400;
/** Environment rows the lanes keep per function (more are counted, not drawn). */
const LANE_MAX_ROWS = 4096;
const FRAME_MS = 50;
// The engine gets about half of one core: on a 2-core machine the page, the compositor and the garbage
// collector need the rest to hold 60 frames per second. A heavy scenario then runs below the chosen speed.
const TICK_MS = 8;
const WORK_BUDGET_MS = 7;
// Small rings: the page keeps its own history, and recent objects held here are what the young-generation GC copies.
const RING_CAPACITY = 1000;
const SLOW_REFRESH_MS = 400;
const MAX_TRACE_PER_FRAME = 300;
/** Notable events (throttles, retries, DLQ moves…) are sent before routine ones, up to this many a frame. */
const MAX_NOTABLE_PER_FRAME = 200;
const MAX_LOGS_PER_FRAME = 200;
const SINK_SAMPLES = 200;
/**
 * When the run produces trace events faster than this (per real millisecond), the trace and log lines are
 * sampled: only the last part of each tick's simulated span is recorded, because writing every sentence and
 * log line then costs several times the simulation itself. It stops below SAMPLE_OFF_RATE. Counters, lanes,
 * metrics and DLQ contents are never sampled.
 */
const SAMPLE_ON_RATE = 20;
const SAMPLE_OFF_RATE = 6;
/** Share of each tick's simulated span recorded while sampling. */
const SAMPLE_SHARE = 0.2;
/** A replayed share link records only its last stretch, so reopening a long run stays quick. */
const REPLAY_RECORD_MS = 60_000;


interface Run {
  sim: Simulation;
  scenario: Scenario;
  recorders: LaneRecorder[];
  lanesFn: number;
  lanesReset: boolean;
  traceCursor: number;
  logCursor: number;
  injections: Injection[];
  /** Triggers recorded later than the current time (after a scrub back): replayed as the clock reaches them. */
  future: Injection[];
  seed: number;
  /** The scenario as loaded (for a scrub back, which replays it from the start). */
  input: unknown;
  summary: Summary | null;
}

/** Metric period: the finest "nice" period giving at most about 400 points over the run. */
function metricPeriodFor(durationSeconds: number): number {
  for (const p of [1, 5, 10, 30, 60, 300, 900, 3600]) if (durationSeconds / p <= 400) return p;
  return 3600;
}

const NO_ENVS: LaneEnv[] = [];

function envCounts(envs: EnvSnapshot[]): EnvCounts {
  const c: EnvCounts = { init: 0, busy: 0, idle: 0, provisioned: 0 };
  for (const e of envs) {
    c[e.state]++;
    if (e.provisioned !== null) c.provisioned++;
  }
  return c;
}

function lite(s: Snapshot): SnapshotLite {
  return { ...s, functions: s.functions.map(({ envs, ...f }) => ({ ...f, envCounts: envCounts(envs) })) };
}

function costView(r: Run, summary: Summary): CostView {
  const lines = r.scenario.functions.map((f) => ({
    function: f.name,
    requests: summary.functions[f.name]?.invocations ?? 0,
    gbSeconds: summary.functions[f.name]?.gbSeconds ?? 0,
    architecture: f.architecture,
  }));
  const list = computeCost(lines, false);
  const free = computeCost(lines, true);
  const pick = (c: typeof list) => ({ requestUsd: c.requestUsd, computeUsd: c.computeUsd, totalUsd: c.totalUsd });
  return { lines, requests: lines.reduce((n, l) => n + l.requests, 0), gbSeconds: lines.reduce((n, l) => n + l.gbSeconds, 0), list: pick(list), free: pick(free) };
}

/** What playback needs from where it runs (a dedicated worker in the app, a fake in tests). */
export interface PlaybackHost {
  /** Posts a message to the page; `transfer` lists buffers whose ownership moves with it. */
  post(msg: FromWorker, transfer: ArrayBufferLike[]): void;
  /** Real time in ms (performance.now in the worker): drives the clock and the work budget. */
  now(): number;
  /** Runs `fn` after `ms` real ms; returns a handle for clearTimer. */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface Playback {
  /** Handles one message from the page (the worker's onmessage). */
  handle(msg: ToWorker): void;
}

export function createPlayback(host: PlaybackHost): Playback {
  const post = (msg: FromWorker, transfer: ArrayBufferLike[] = []) => host.post(msg, transfer);
  let run: Run | null = null;
  let playing = false;
  let speed = 1;
  let wantEnvs = false;
  let timer: unknown = null;
  let lastTick = 0;
  let lastFrame = 0;
  let lastSlow = 0;
  let forceSlow = true;
  /** Whether the last ticks recorded only samples of the trace and logs. */
  let sampling = false;
  /** Recent (real ms, virtual ms) pairs for the achieved speed. */
  let speedSamples: [number, number][] = [];



  function sampleLanes(r: Run, snap?: Snapshot): Snapshot {
    const s = snap ?? r.sim.snapshot();
    // Snapshot environments have the fields the recorder reads, so they go in without a copy.
    r.recorders.forEach((rec, i) => rec.sample(r.sim.now, s.functions[i]?.envs ?? NO_ENVS));
    return s;
  }

  /** Advances to `target`, sampling the lanes at every column end on the way. Stops early past `deadline`. */
  function advance(r: Run, target: number, deadline = Infinity): void {
    const rec = r.recorders[0];
    const end = Math.min(target, r.sim.endTime);
    // Small sub-steps keep the deadline check frequent when one column holds a lot of work (not needed for a
    // replay, which has no deadline).
    const maxStep = deadline === Infinity ? Infinity : Math.max(1, speed * 2);
    // At least one pass even when `end` is now: events due at this very instant (a burst just injected) run.
    do {
      const colEnd = rec ? rec.colEnd(rec.colAt(r.sim.now)) : end;
      const next = Math.max(r.sim.now, Math.min(end, colEnd, r.sim.now + maxStep));
      r.sim.advanceTo(next);
      if (next >= colEnd - 1e-6) sampleLanes(r);
      if (host.now() > deadline) break;
    } while (r.sim.now < end);
  }

  /** Like advance, but applies recorded future triggers at their times on the way (replay after a scrub back). */
  function advancePlaying(r: Run, target: number, deadline = Infinity): void {
    while (r.future.length > 0 && r.future[0]!.t <= Math.min(target, r.sim.endTime)) {
      const inj = r.future[0]!;
      advance(r, inj.t, deadline);
      if (r.sim.now < inj.t) return;
      r.future.shift();
      try {
        r.sim.inject(inj.cmd);
        r.injections.push({ t: r.sim.now, cmd: inj.cmd });
      } catch {
        // A trigger that no longer applies (it was valid when recorded) is skipped.
      }
      advance(r, r.sim.now, deadline);
    }
    advance(r, target, deadline);
  }




  function nextEventAt(r: Run): number | null {
    const t = r.sim.nextEventTime();
    return t === null || t > r.sim.endTime ? null : t;
  }

  function sendFrame(slow: boolean): void {
    const r = run;
    if (!r) return;
    const snap = sampleLanes(r);
    const rec = r.recorders[r.lanesFn];
    let lanes: LaneUpdate;
    const transfer: ArrayBufferLike[] = [];
    if (rec) {
      const chunk = r.lanesReset ? rec.chunk(0, rec.colAt(r.sim.now) + 1) : rec.takeChunk();
      if (r.lanesReset) rec.takeChunk();
      const changes = rec.takeSlotChanges();
      lanes = { fn: r.lanesFn, reset: r.lanesReset, cols: rec.cols, colMs: rec.colMs, chunk, slots: r.lanesReset ? rec.slots() : changes };
      if (chunk) transfer.push(chunk.cells.buffer);
    } else lanes = { fn: r.lanesFn, reset: r.lanesReset, cols: LANE_COLUMNS, colMs: 1, chunk: null, slots: [] };
    r.lanesReset = false;
    // Other functions' recorders keep their own dirty state; drain them so a later switch starts clean.
    r.recorders.forEach((other, i) => {
      if (i !== r.lanesFn) other.takeSlotChanges();
    });

    // Everything still in the ring, then a selection: notable events first (the narration needs them), then
    // the newest routine ones for the event table.
    const tr = r.sim.eventsSince(r.traceCursor, RING_CAPACITY);
    r.traceCursor = tr.next;
    let trace: TraceEvent[] = tr.events;
    if (trace.length > MAX_TRACE_PER_FRAME) {
      const notable = new Set(trace.filter(isNotable).slice(-MAX_NOTABLE_PER_FRAME));
      const routine = MAX_TRACE_PER_FRAME - notable.size;
      let kept = 0;
      const pick: TraceEvent[] = [];
      for (let i = trace.length - 1; i >= 0; i--) {
        const e = trace[i]!;
        if (notable.has(e) || (kept < routine && ++kept)) pick.push(e);
      }
      trace = pick.reverse();
    }
    const traceSkipped = tr.events.length - trace.length + tr.missed;
    // Only the newest log lines are read: asking from a cursor past the end returns the end without copying.
    const logHead = r.sim.logsSince(Number.MAX_SAFE_INTEGER, 0).next;
    const logFrom = Math.max(r.logCursor, logHead - MAX_LOGS_PER_FRAME);
    const lg = r.sim.logsSince(logFrom, MAX_LOGS_PER_FRAME);
    const logs = lg.logs;
    const logsSkipped = logFrom - r.logCursor + lg.missed;
    r.logCursor = lg.next;

    let summary: Summary | null = null;
    if (slow || r.sim.done) {
      summary = r.sim.summary();
      if (r.sim.done) r.summary = summary;
    }
    const nowReal = host.now();
    const alarms = slow || r.sim.done || !playing ? (summary?.alarms ?? r.sim.describeAlarms()) : null;
    const first = speedSamples[0];
    const actualSpeed = first && nowReal - first[0] > 200 ? (r.sim.now - first[1]) / (nowReal - first[0]) : playing ? speed : 0;

    const frame: Frame = {
      playing,
      speed,
      actualSpeed: Math.max(0, actualSpeed),
      snapshot: lite(snap),
      lanes,
      // The table view refreshes with the metrics: thousands of rows twenty times a second would be wasted.
      envs: wantEnvs && (slow || !playing) ? (snap.functions[r.lanesFn]?.envs ?? []) : null,
      trace,
      traceSkipped,
      logs,
      logsSkipped,
      metrics: summary ? summary.metrics : null,
      cost: summary ? costView(r, summary) : null,
      sinks: summary ? summary.sinks : null,
      eventDetail: summary ? summary.events : null,
      summary: r.sim.done ? r.summary : null,
      nextEventAt: nextEventAt(r),
      injections: r.future.length ? [...r.injections, ...r.future] : r.injections,
      alarms,
      sampling: playing && sampling,
    };
    post({ type: 'frame', frame }, transfer);
    lastFrame = nowReal;
    if (slow) lastSlow = nowReal;
  }

  function stopLoop(): void {
    if (timer !== null) host.clearTimer(timer);
    timer = null;
  }

  function tick(): void {
    timer = null;
    const r = run;
    if (!r || !playing) return;
    const now = host.now();
    const dt = Math.min(now - lastTick, 100);
    lastTick = now;
    const target = r.sim.now + dt * speed;
    const head = () => r.sim.eventsSince(Number.MAX_SAFE_INTEGER, 0).next;
    const from = r.sim.now;
    if (sampling) {
      r.sim.setRecording({ trace: false, logs: false });
      advancePlaying(r, target - (target - r.sim.now) * SAMPLE_SHARE, now + WORK_BUDGET_MS);
      r.sim.setRecording({ trace: true, logs: true });
    }
    const recordedFrom = r.sim.now;
    const before = head();
    advancePlaying(r, target, now + WORK_BUDGET_MS);
    // Estimate the full trace rate from the recorded stretch, then decide for the next tick (with hysteresis).
    const recordedSpan = r.sim.now - recordedFrom;
    if (recordedSpan > 0 && dt > 0) {
      const perRealMs = ((head() - before) * ((r.sim.now - from) / recordedSpan)) / dt;
      if (!sampling && perRealMs > SAMPLE_ON_RATE) sampling = true;
      else if (sampling && perRealMs < SAMPLE_OFF_RATE) sampling = false;
    }
    speedSamples.push([host.now(), r.sim.now]);
    while (speedSamples.length > 2 && host.now() - speedSamples[0]![0] > 1000) speedSamples.shift();
    if (r.sim.done) {
      playing = false;
      sendFrame(true);
      return;
    }
    const t = host.now();
    if (t - lastFrame >= FRAME_MS) sendFrame(forceSlow || t - lastSlow >= SLOW_REFRESH_MS);
    forceSlow = false;
    timer = host.setTimer(tick, TICK_MS);
  }

  function startLoop(): void {
    stopLoop();
    lastTick = host.now();
    speedSamples = [[lastTick, run?.sim.now ?? 0]];
    timer = host.setTimer(tick, 0);
  }

  function load(msg: Extract<ToWorker, { type: 'load' }>): void {
    stopLoop();
    playing = false;
    sampling = false;
    run = null;
    const parsed = scenarioSchema.safeParse(migrateScenarioInput(msg.scenario));
    if (!parsed.success) {
      const text = formatScenarioIssues(parsed.error, 'scenario');
      post({ type: 'error', message: 'The scenario is not valid.', issues: text.split('\n') });
      return;
    }
    const scenario = parsed.data;
    // DLQ and destination lists on the page show more messages than the CLI's default sample.
    scenario.settings.sampleLimit = Math.max(scenario.settings.sampleLimit, SINK_SAMPLES);
    const metricPeriodSeconds = metricPeriodFor(scenario.durationSeconds);
    let sim: Simulation;
    try {
      sim = new Simulation(scenario, { seed: msg.seed, trace: { capacity: RING_CAPACITY }, logs: { capacity: RING_CAPACITY }, metricPeriodSeconds });
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err), issues: [] });
      return;
    }
    // About 10 columns a simulated second (720 to 2,400), so a zoomed-in burst still shows its requests as blocks.
    const columns = Math.round(Math.min(LANE_COLUMNS_MAX, Math.max(LANE_COLUMNS, scenario.durationSeconds * 10)));
    const recorders = scenario.functions.map(() => new LaneRecorder(sim.endTime, columns, LANE_MAX_ROWS));
    const r: Run = { sim, scenario, recorders, lanesFn: Math.min(msg.lanesFn, recorders.length - 1), lanesReset: true, traceCursor: 0, logCursor: 0, injections: [], future: [], seed: msg.seed, input: msg.scenario, summary: null };
    sampleLanes(r);
    const problems: string[] = [];
    const recordFrom = msg.runTo - REPLAY_RECORD_MS;
    const replayTo = (t: number) => {
      if (t > recordFrom && r.sim.now < recordFrom) {
        sim.setRecording({ trace: false, logs: false });
        advance(r, recordFrom);
      }
      sim.setRecording({ trace: r.sim.now >= recordFrom, logs: r.sim.now >= recordFrom });
      advance(r, t);
      sim.setRecording({ trace: true, logs: true });
    };
    for (const inj of msg.injections) {
      if (inj.t > msg.runTo) {
        r.future.push(inj);
        continue;
      }
      replayTo(inj.t);
      try {
        sim.inject(inj.cmd);
        r.injections.push({ t: sim.now, cmd: inj.cmd });
        advance(r, sim.now);
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
    // Nothing happens before Run: at t = 0 events due at 0 (a burst at the start) wait for Run or Step.
    if (msg.runTo > 0 || msg.injections.some((i) => i.t <= msg.runTo)) replayTo(msg.runTo);
    run = r;
    post({ type: 'loaded', scenario, seed: msg.seed, metricPeriodSeconds });
    if (problems.length) post({ type: 'error', message: 'Some triggers in the link could not be replayed.', issues: problems });
    sendFrame(true);
  }

  function step(): void {
    const r = run;
    if (!r) return;
    playing = false;
    stopLoop();
    const before = r.traceCursor;
    const cursorNow = () => r.sim.eventsSince(before, 1).next;
    // Internal events (poller wake-ups, timers) change nothing a learner sees: keep going until something does.
    for (let i = 0; i < 10_000; i++) {
      const t = nextEventAt(r);
      if (t === null) {
        advancePlaying(r, r.sim.endTime);
        break;
      }
      advancePlaying(r, t);
      if (cursorNow() > before) break;
    }
    sendFrame(true);
  }

  /**
   * Scrubbing: forward runs the engine on to the target; back replays the run from the start to the target
   * (the engine is deterministic, so the past comes back exactly), keeping later triggers to replay in time.
   */
  function seek(target: number): void {
    const r = run;
    if (!r) return;
    playing = false;
    stopLoop();
    const t = Math.max(0, Math.min(r.sim.endTime, target));
    if (t >= r.sim.now) {
      const recordFrom = t - REPLAY_RECORD_MS;
      if (recordFrom > r.sim.now) {
        r.sim.setRecording({ trace: false, logs: false });
        advancePlaying(r, recordFrom);
        r.sim.setRecording({ trace: true, logs: true });
      }
      advancePlaying(r, t);
      sendFrame(true);
      return;
    }
    post({ type: 'rewound', t });
    load({ type: 'load', scenario: r.input, seed: r.seed, injections: [...r.injections, ...r.future], runTo: t, lanesFn: r.lanesFn });
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        load(msg);
        break;
      case 'play':
        if (!run || run.sim.done) {
          sendFrame(true);
          break;
        }
        playing = true;
        forceSlow = true;
        startLoop();
        sendFrame(false);
        break;
      case 'pause':
        playing = false;
        stopLoop();
        sendFrame(true);
        break;
      case 'speed':
        speed = Math.max(0.1, Math.min(10_000, msg.speed));
        speedSamples = [[host.now(), run?.sim.now ?? 0]];
        if (run) sendFrame(false);
        break;
      case 'step':
        step();
        break;
      case 'seek':
        seek(msg.t);
        break;
      case 'inject': {
        const r = run;
        if (!r) {
          post({ type: 'inject-result', id: msg.id, ok: false, message: 'The simulation is not loaded yet.' });
          break;
        }
        if (r.sim.done) {
          post({ type: 'inject-result', id: msg.id, ok: false, message: 'The run has ended: reset to start again.' });
          break;
        }
        try {
          const res = r.sim.inject(msg.cmd);
          r.injections.push({ t: r.sim.now, cmd: msg.cmd });
          // Events sent now arrive now: Lambda's reaction at this instant (admission, throttles) shows at once.
          // This also keeps "the state at time t" meaning "every event up to t processed", which is what a
          // share link replays.
          advance(r, r.sim.now);
          post({ type: 'inject-result', id: msg.id, ok: true, message: res.events > 0 ? `${res.events} event${res.events === 1 ? '' : 's'} sent` : 'Done', firstEventId: res.firstEventId });
        } catch (err) {
          post({ type: 'inject-result', id: msg.id, ok: false, message: err instanceof InjectError || err instanceof Error ? err.message : String(err) });
        }
        sendFrame(false);
        break;
      }
      case 'lanes-function':
        if (run && msg.fn >= 0 && msg.fn < run.recorders.length) {
          run.lanesFn = msg.fn;
          run.lanesReset = true;
          sendFrame(false);
        }
        break;
      case 'want-envs':
        wantEnvs = msg.want;
        if (run) sendFrame(false);
        break;
      case 'validate': {
        const parsed = scenarioSchema.safeParse(msg.scenario);
        post({ type: 'validation', id: msg.id, issues: parsed.success ? [] : formatScenarioIssues(parsed.error, 'scenario').split('\n') });
        break;
      }
    }
  }

  return { handle };
}
