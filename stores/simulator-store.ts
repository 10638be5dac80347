/**
 * The simulator's UI state and its bridge to the simulation worker. One store per simulator on screen (the
 * page has one; a lesson may embed several), made by createSimulatorStore. High-rate data (lanes, trace and
 * log lines) lives in mutable buffers next to the state, and only a version number changes in the state, at
 * most a few times a second, so React re-renders stay cheap at any simulation speed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InjectCommand } from '@/lib/sim/simulation';
import type { LogEvent } from '@/lib/sim/logs';

/** A log line with a number that stays the same while it is on screen (a stable React key). */
export type LogLine = LogEvent & { n: number };
import type { MetricSeries } from '@/lib/sim/metrics';
import type { Scenario } from '@/lib/sim/schema';
import { canonicalJson, decodeShare, encodeShare, ShareError } from '@/lib/sim/share';
import type { EnvSnapshot, SinkSummary, Summary, TraceEvent } from '@/lib/sim/types';
import { LaneBuffer } from '@/lib/sim/lane-buffer';
import { foldInto, type NarrationItem } from '@/lib/sim/narration';
import { defaultSpeedFor, SPEEDS, type CostView, type Frame, type FromWorker, type Injection, type SnapshotLite, type ToWorker } from '@/lib/sim/playback-protocol';
import type { AlarmSummary } from '@/lib/sim/alarm-runtime';
import type { TerminalLinkPart } from '@/lib/cli/share';
import type { PackScenarioLookup } from '@/lib/storage/pack-data';
import { getFullStorage } from './storage';

export interface PresetEntry {
  id: string;
  title: string;
  lesson: string;
  story: string;
  hasPredict: boolean;
}

/** The "blank function" starting point: one function and no traffic, for the learner to build on. */
export const BLANK_SCENARIO = {
  id: 'blank-function',
  title: 'Blank function',
  story:
    'One function with default settings and no traffic. Configure it below, then use the triggers to send requests, upload objects or start steady traffic, and watch environments start, get reused and get reclaimed.',
  lesson: 'what-is-lambda',
  seed: 1,
  durationSeconds: 600,
  functions: [{ name: 'my-function', runtime: 'nodejs22.x', memoryMb: 256, timeoutSeconds: 3, duration: { type: 'lognormal', medianMs: 120, sigma: 0.4 } }],
} as const;

/** The imported pack a scenario came from (`?pack=<id>&scenario=<id>` links from quiz and review). */
export interface PackScenarioSource {
  packId: string;
  packTitle: string;
  scenarioId: string;
}

/** A problem with the link the page was opened with; it stays until the learner picks another scenario. */
export interface LinkNotice {
  message: string;
  link?: { href: string; label: string };
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The pack scenario a `?pack=…&scenario=…` query names, or undefined when it names none (or names it badly). */
export function packScenarioParams(search: string | undefined): { packId: string; scenarioId: string } | { bad: true } | undefined {
  if (!search) return undefined;
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const packId = params.get('pack');
  const scenarioId = params.get('scenario');
  if (packId === null && scenarioId === null) return undefined;
  if (packId === null || scenarioId === null || !SLUG_RE.test(packId) || !SLUG_RE.test(scenarioId) || packId.length > 80 || scenarioId.length > 80) return { bad: true };
  return { packId, scenarioId };
}

/** What the learner is told when a pack scenario link cannot be opened: what happened and what to do. */
export function packLinkNotice(lookup: Exclude<PackScenarioLookup, { kind: 'found' }> | { kind: 'bad-link' } | { kind: 'unreadable'; packId: string; reason: string }, scenarioId = ''): LinkNotice {
  const packs = { href: '/packs/', label: 'Go to the Packs page' };
  switch (lookup.kind) {
    case 'no-pack':
      return {
        message: `This link opens the scenario "${scenarioId}" of the question pack "${lookup.packId}", but that pack is not in this browser: it was removed, or imported in another browser. Import the pack again to run its scenario; meanwhile the simulator starts with a blank function.`,
        link: packs,
      };
    case 'no-scenario':
      return {
        message: `The pack "${lookup.packTitle}" has no scenario "${scenarioId}"${lookup.scenarioIds.length ? ` (it has ${lookup.scenarioIds.map((id) => `"${id}"`).join(', ')})` : ''}. A newer version of the pack may have renamed it; the simulator starts with a blank function.`,
        link: packs,
      };
    case 'damaged':
      return {
        message: `The stored copy of the pack "${lookup.packId}" is damaged, so its scenario cannot be run. Nothing was deleted: the Packs page moves the damaged copy to Settings, where you can download it, and you can import the pack again.`,
        link: packs,
      };
    case 'unreadable':
      return { message: `Your stored packs could not be read in this browser (${lookup.reason}), so the scenario of the pack "${lookup.packId}" cannot be run.` };
    case 'bad-link':
      return { message: 'This link is damaged: "pack" and "scenario" must both be ids such as "class-week-3". The simulator starts with a blank function.' };
  }
}

const TRACE_KEEP = 4000;
const NARRATION_KEEP = 200;
const LOGS_KEEP = 3000;
const UI_REFRESH_MS = 400;
/** Counters and other React views follow the simulation at this interval while it plays. */
const STATE_REFRESH_MS = 100;

export interface SimulatorState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** A problem to show (invalid scenario, broken link, worker failure). */
  error: { message: string; issues: string[] } | null;
  /** Short feedback for the last trigger. */
  notice: { text: string; ok: boolean; at: number } | null;
  presets: PresetEntry[];
  presetId: string | null;
  /** The preset's JSON as published (null for the blank function or a custom scenario). */
  presetInput: unknown;
  /** Set when the scenario came from an imported pack (presetInput then holds the pack's scenario). */
  packSource: PackScenarioSource | null;
  /** A problem with the pack link the page was opened with (the pack was removed, say). */
  linkNotice: LinkNotice | null;
  /** The scenario JSON being run, as the learner or the preset wrote it. */
  input: unknown;
  /** The same scenario with defaults filled in (from the worker). */
  scenario: Scenario | null;
  modified: boolean;
  seed: number;
  metricPeriodSeconds: number;
  playing: boolean;
  speed: number;
  actualSpeed: number;
  snapshot: SnapshotLite | null;
  nextEventAt: number | null;
  injections: Injection[];
  metrics: MetricSeries | null;
  cost: CostView | null;
  sinks: Record<string, SinkSummary> | null;
  eventDetail: Summary['events'] | null;
  summary: Summary | null;
  envs: EnvSnapshot[] | null;
  alarms: AlarmSummary[] | null;
  lanesFn: number;
  /** The lanes' visible time window in virtual ms (null: the whole run). */
  lanesView: { from: number; to: number } | null;
  traceVersion: number;
  traceSkipped: number;
  /** The trace and logs were sampled at some point of this run (high speed). */
  sampled: boolean;
  logsVersion: number;
  logsSkipped: number;
  prediction: { guess: number | null; locked: boolean };

  /** Mutable buffers (stable identity). */
  lanes: LaneBuffer;
  trace: TraceEvent[];
  /** Notable events of the whole run, folded (see stores/narration.ts); changes with traceVersion. */
  narration: NarrationItem[];
  logs: LogLine[];

  init: (opts: { search?: string; preset?: string; syncUrl?: boolean }) => Promise<void>;
  selectPreset: (id: string) => Promise<void>;
  selectBlank: () => void;
  /**
   * Runs a new scenario from the start; with `run`, replays those triggers up to `runTo` (the terminal sends
   * its account this way) and uses `seed` instead of the scenario's.
   */
  applyScenario: (input: unknown, run?: { seed?: number; injections?: Injection[]; runTo?: number }) => void;
  reset: (opts?: { newSeed?: boolean; seed?: number }) => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  step: () => void;
  /** Jump to a virtual time (ms): forward runs on, back replays from the start. Pauses. */
  seek: (t: number) => void;
  setLanesView: (view: { from: number; to: number } | null) => void;
  setSpeed: (speed: number) => void;
  faster: () => void;
  slower: () => void;
  inject: (cmd: InjectCommand) => Promise<{ ok: boolean; message: string; firstEventId?: string }>;
  setLanesFn: (fn: number) => void;
  setWantEnvs: (want: boolean) => void;
  validate: (input: unknown) => Promise<string[]>;
  /** The link to this run; `note` says what the link leaves out (a terminal session too long to carry). */
  shareUrl: () => Promise<{ url: string; note?: string }>;
  /** The terminal session from the link the page was opened with (lib/cli/share.ts payload), for the terminal to replay. */
  sharedTerminal: string | null;
  /** The terminal on the page registers how to encode its session for shareUrl (null: no terminal). */
  setTerminalShare: (encode: (() => Promise<TerminalLinkPart | null>) | null) => void;
  setGuess: (guess: number | null) => void;
  lockGuess: () => void;
  dispose: () => void;
}

export type SimulatorStore = StoreApi<SimulatorState>;

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function fetchPresetIndex(): Promise<PresetEntry[]> {
  return fetchJson<{ presets: PresetEntry[] }>('/data/scenarios/index.json').then((d) => d.presets);
}

export function fetchPreset(id: string): Promise<unknown> {
  return fetchJson<unknown>(`/data/scenarios/${encodeURIComponent(id)}.json`);
}

function seedOf(input: unknown): number {
  const s = (input as { seed?: unknown } | null)?.seed;
  return typeof s === 'number' && Number.isInteger(s) && s >= 0 ? s : 1;
}

export function createSimulatorStore(): SimulatorStore {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  let lastUiRefresh = 0;
  let syncUrl = false;
  let pendingFlush: ReturnType<typeof setTimeout> | null = null;
  let lastStateAt = 0;
  let logNumber = 0;
  let heldPatch: Partial<SimulatorState> | null = null;
  let heldTimer: ReturnType<typeof setTimeout> | null = null;
  /** The learner chose a speed: keep it across runs instead of the scenario's default pace. */
  let userSpeed = false;
  let terminalShare: (() => Promise<TerminalLinkPart | null>) | null = null;

  const store = createStore<SimulatorState>()((set, get) => {
    const send = (msg: ToWorker) => {
      ensureWorker().postMessage(msg);
    };

    const flushBuffers = () => {
      pendingFlush = null;
      lastUiRefresh = performance.now();
      set((s) => ({ traceVersion: s.traceVersion + 1, logsVersion: s.logsVersion + 1 }));
    };

    const onFrame = (f: Frame) => {
      const s = get();
      s.lanes.apply(f.lanes, f.snapshot.t);
      if (f.trace.length) {
        foldInto(s.narration, f.trace, NARRATION_KEEP);
        s.trace.push(...f.trace);
        if (s.trace.length > TRACE_KEEP) s.trace.splice(0, s.trace.length - TRACE_KEEP);
      }
      if (f.logs.length) {
        for (const l of f.logs) s.logs.push({ ...l, n: logNumber++ });
        if (s.logs.length > LOGS_KEEP) s.logs.splice(0, s.logs.length - LOGS_KEEP);
      }
      const patch: Partial<SimulatorState> = {
        playing: f.playing,
        speed: f.speed,
        actualSpeed: f.actualSpeed,
        snapshot: f.snapshot,
        nextEventAt: f.nextEventAt,
        injections: f.injections,
        traceSkipped: s.traceSkipped + f.traceSkipped,
        sampled: s.sampled || f.sampling,
        logsSkipped: s.logsSkipped + f.logsSkipped,
      };
      if (f.metrics) patch.metrics = f.metrics;
      if (f.cost) patch.cost = f.cost;
      if (f.sinks) patch.sinks = f.sinks;
      if (f.eventDetail) patch.eventDetail = f.eventDetail;
      if (f.summary) patch.summary = f.summary;
      if (f.envs) patch.envs = f.envs;
      if (f.alarms) patch.alarms = f.alarms;
      // While playing, plain frames reach React at most every STATE_REFRESH_MS (the lanes canvas takes every
      // frame directly); frames that carry metrics, a summary or a pause are applied at once.
      const now = performance.now();
      const urgent = !f.playing || f.metrics !== null || f.summary !== null || f.envs !== null;
      if (urgent || now - lastStateAt >= STATE_REFRESH_MS) {
        if (heldTimer) clearTimeout(heldTimer);
        heldTimer = null;
        heldPatch = null;
        lastStateAt = now;
        set(patch);
      } else {
        heldPatch = { ...heldPatch, ...patch };
        if (!heldTimer)
          heldTimer = setTimeout(() => {
            heldTimer = null;
            if (heldPatch) {
              lastStateAt = performance.now();
              set(heldPatch);
              heldPatch = null;
            }
          }, STATE_REFRESH_MS - (now - lastStateAt));
      }
      const changed = f.trace.length > 0 || f.logs.length > 0;
      // While playing, list views refresh a few times a second; when paused or stepping, at once.
      if (changed || !f.playing) {
        if (!f.playing || performance.now() - lastUiRefresh >= UI_REFRESH_MS) flushBuffers();
        else if (pendingFlush === null) pendingFlush = setTimeout(flushBuffers, UI_REFRESH_MS);
      }
    };

    /** Drops what the page holds of the run (a new run, or a scrub back that replays it). */
    const clearRun = () => {
      if (heldTimer) clearTimeout(heldTimer);
      heldTimer = null;
      heldPatch = null;
      const s = get();
      s.lanes.clear(s.lanes.cols, s.lanes.colMs, s.lanesFn);
      s.trace.length = 0;
      s.narration.length = 0;
      s.logs.length = 0;
      set({
        summary: null,
        metrics: null,
        cost: null,
        sinks: null,
        eventDetail: null,
        envs: null,
        alarms: null,
        traceSkipped: 0,
        sampled: false,
        logsSkipped: 0,
        traceVersion: s.traceVersion + 1,
        logsVersion: s.logsVersion + 1,
      });
    };

    const onMessage = (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      switch (msg.type) {
        case 'rewound':
          clearRun();
          break;
        case 'loaded':
          set({ status: 'ready', scenario: msg.scenario, seed: msg.seed, metricPeriodSeconds: msg.metricPeriodSeconds, error: null });
          break;
        case 'frame':
          onFrame(msg.frame);
          break;
        case 'inject-result': {
          const resolve = pending.get(msg.id);
          pending.delete(msg.id);
          set({ notice: { text: msg.message, ok: msg.ok, at: Date.now() } });
          resolve?.({ ok: msg.ok, message: msg.message, firstEventId: msg.firstEventId });
          break;
        }
        case 'validation': {
          const resolve = pending.get(msg.id);
          pending.delete(msg.id);
          resolve?.(msg.issues);
          break;
        }
        case 'error':
          set((s) => ({ status: s.scenario && s.status === 'ready' ? 'ready' : 'error', error: { message: msg.message, issues: msg.issues } }));
          break;
      }
    };

    const ensureWorker = (): Worker => {
      if (worker) return worker;
      worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'lambda-simulator' });
      worker.onmessage = onMessage;
      worker.onerror = (e) => set({ status: 'error', error: { message: `The simulator stopped: ${e.message || 'worker error'}`, issues: [] } });
      return worker;
    };

    const writeUrl = () => {
      if (!syncUrl || typeof window === 'undefined') return;
      const s = get();
      // While a pack link's notice stands the URL keeps that link, so a reload after importing the pack opens it.
      if (s.linkNotice) return;
      // An unchanged pack scenario keeps its short pack link; once edited, the URL carries the scenario itself.
      const fromPack = s.packSource && !s.modified ? s.packSource : null;
      void encodeShare({ preset: s.presetId ?? undefined, seed: s.seed, scenario: (s.presetId || fromPack) && !s.modified ? undefined : s.input }).then((shareQs) => {
        const qs = fromPack ? `pack=${encodeURIComponent(fromPack.packId)}&scenario=${encodeURIComponent(fromPack.scenarioId)}${shareQs ? `&${shareQs}` : ''}` : shareQs;
        const url = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
        if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
      });
    };

    /** Starts (or restarts) a run of the current input. */
    const load = (opts: { injections?: Injection[]; runTo?: number } = {}) => {
      clearRun();
      // The default pace fits the scenario, until the learner picks a speed.
      const duration = (get().input as { durationSeconds?: unknown } | null)?.durationSeconds;
      if (!userSpeed && typeof duration === 'number' && duration > 0) set({ speed: defaultSpeedFor(duration) });
      set({ status: 'loading', error: null, snapshot: null, playing: false, injections: [], lanesView: null });
      const s = get();
      send({ type: 'speed', speed: s.speed });
      send({ type: 'load', scenario: s.input, seed: s.seed, injections: opts.injections ?? [], runTo: opts.runTo ?? 0, lanesFn: s.lanesFn });
      writeUrl();
    };

    const request = <T>(msg: (id: number) => ToWorker): Promise<T> =>
      new Promise<T>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (v: unknown) => void);
        send(msg(id));
      });

    return {
      status: 'idle',
      error: null,
      notice: null,
      presets: [],
      presetId: null,
      presetInput: null,
      packSource: null,
      linkNotice: null,
      input: null,
      scenario: null,
      modified: false,
      seed: 1,
      metricPeriodSeconds: 1,
      playing: false,
      speed: 10,
      actualSpeed: 0,
      snapshot: null,
      nextEventAt: null,
      injections: [],
      metrics: null,
      cost: null,
      sinks: null,
      eventDetail: null,
      summary: null,
      envs: null,
      alarms: null,
      lanesFn: 0,
      lanesView: null,
      traceVersion: 0,
      traceSkipped: 0,
      sampled: false,
      logsVersion: 0,
      logsSkipped: 0,
      prediction: { guess: null, locked: false },
      sharedTerminal: null,
      lanes: new LaneBuffer(),
      trace: [],
      narration: [],
      logs: [],

      async init({ search, preset, syncUrl: sync }) {
        syncUrl = !!sync;
        set({ status: 'loading' });
        try {
          const indexPromise = fetchPresetIndex().catch(() => [] as PresetEntry[]);
          let shared: Awaited<ReturnType<typeof decodeShare>> = {};
          let linkProblem: string | null = null;
          if (search) {
            try {
              shared = await decodeShare(search);
            } catch (e) {
              linkProblem = e instanceof ShareError ? e.message : String(e);
            }
          }
          const presetId = preset ?? shared.preset ?? null;
          let presetInput: unknown = null;
          let packSource: PackScenarioSource | null = null;
          let linkNotice: LinkNotice | null = null;
          const packParams = presetId ? undefined : packScenarioParams(search);
          if (packParams && 'bad' in packParams) linkNotice = packLinkNotice({ kind: 'bad-link' });
          else if (packParams) {
            try {
              const { db, api } = await getFullStorage();
              const lookup = await api.loadPackScenario(db, packParams.packId, packParams.scenarioId);
              if (lookup.kind === 'found') {
                presetInput = lookup.scenario;
                packSource = { packId: lookup.packId, packTitle: lookup.packTitle, scenarioId: packParams.scenarioId };
              } else linkNotice = packLinkNotice(lookup, packParams.scenarioId);
            } catch (e) {
              linkNotice = packLinkNotice({ kind: 'unreadable', packId: packParams.packId, reason: e instanceof Error ? e.message : String(e) });
            }
          }
          if (presetId) {
            try {
              presetInput = await fetchPreset(presetId);
            } catch {
              linkProblem = `there is no preset "${presetId}"`;
            }
          }
          const input = shared.scenario ?? presetInput ?? BLANK_SCENARIO;
          const seed = shared.seed ?? seedOf(input);
          set({
            presets: await indexPromise,
            presetId: presetInput && !packSource ? presetId : null,
            presetInput,
            packSource,
            linkNotice,
            input,
            modified: presetInput !== null && shared.scenario !== undefined && canonicalJson(shared.scenario) !== canonicalJson(presetInput),
            seed,
            sharedTerminal: shared.terminal ?? null,
          });
          load({ injections: (shared.injections as Injection[] | undefined) ?? [], runTo: shared.t ?? 0 });
          if (linkProblem) set({ error: { message: `This link could not be opened completely: ${linkProblem}.`, issues: [] } });
        } catch (e) {
          set({ status: 'error', error: { message: e instanceof Error ? e.message : String(e), issues: [] } });
        }
      },

      async selectPreset(id) {
        set({ status: 'loading' });
        try {
          const presetInput = await fetchPreset(id);
          set({ presetId: id, presetInput, packSource: null, linkNotice: null, input: presetInput, modified: false, seed: seedOf(presetInput), prediction: { guess: null, locked: false }, lanesFn: 0 });
          load();
        } catch (e) {
          set({ status: 'error', error: { message: `The preset could not be loaded: ${e instanceof Error ? e.message : String(e)}`, issues: [] } });
        }
      },

      selectBlank() {
        set({ presetId: null, presetInput: null, packSource: null, linkNotice: null, input: BLANK_SCENARIO, modified: false, seed: 1, prediction: { guess: null, locked: false }, lanesFn: 0 });
        load();
      },

      applyScenario(input, run) {
        const s = get();
        set({ input, linkNotice: null, modified: s.presetInput !== null && canonicalJson(input) !== canonicalJson(s.presetInput), seed: run?.seed ?? seedOf(input), lanesFn: run ? s.lanesFn : 0 });
        load(run ? { injections: run.injections ?? [], runTo: run.runTo ?? 0 } : {});
      },

      reset(opts = {}) {
        const s = get();
        const seed = opts.seed ?? (opts.newSeed ? crypto.getRandomValues(new Uint32Array(1))[0]! : s.seed);
        set({ seed });
        load();
      },

      play() {
        const s = get();
        if (s.status !== 'ready') return;
        if (s.prediction.guess !== null && !s.prediction.locked) set({ prediction: { ...s.prediction, locked: true } });
        set({ playing: true });
        send({ type: 'play' });
      },
      pause() {
        set({ playing: false });
        send({ type: 'pause' });
      },
      toggle() {
        if (get().playing) get().pause();
        else get().play();
      },
      step() {
        if (get().status !== 'ready') return;
        set({ playing: false });
        send({ type: 'step' });
      },
      seek(t) {
        if (get().status !== 'ready') return;
        set({ playing: false });
        send({ type: 'seek', t });
      },
      setLanesView(view) {
        set({ lanesView: view });
      },
      setSpeed(speed) {
        userSpeed = true;
        set({ speed });
        send({ type: 'speed', speed });
      },
      faster() {
        const i = SPEEDS.findIndex((x) => x > get().speed);
        if (i >= 0) get().setSpeed(SPEEDS[i]!);
      },
      slower() {
        const cur = get().speed;
        const lower = SPEEDS.filter((x) => x < cur);
        if (lower.length) get().setSpeed(lower[lower.length - 1]!);
      },
      inject(cmd) {
        return request((id) => ({ type: 'inject', id, cmd }));
      },
      setLanesFn(fn) {
        set({ lanesFn: fn });
        send({ type: 'lanes-function', fn });
      },
      setWantEnvs(want) {
        if (!want) set({ envs: null });
        send({ type: 'want-envs', want });
      },
      validate(input) {
        return request<string[]>((id) => ({ type: 'validate', id, scenario: input }));
      },
      async shareUrl() {
        const s = get();
        const term = (await terminalShare?.()) ?? null;
        const qs = await encodeShare({
          preset: s.presetId ?? undefined,
          seed: s.seed,
          scenario: s.presetId && !s.modified ? undefined : s.input,
          t: s.snapshot?.t ?? 0,
          injections: s.injections,
          terminal: term && 'payload' in term ? term.payload : undefined,
        });
        const origin = typeof window === 'undefined' ? '' : window.location.origin;
        const url = `${origin}/simulator/${qs ? `?${qs}` : ''}`;
        return term && 'omitted' in term ? { url, note: term.omitted } : { url };
      },
      setTerminalShare(encode) {
        terminalShare = encode;
      },
      setGuess(guess) {
        set({ prediction: { guess, locked: false } });
      },
      lockGuess() {
        const p = get().prediction;
        if (p.guess !== null) set({ prediction: { ...p, locked: true } });
      },
      dispose() {
        worker?.terminate();
        worker = null;
        if (pendingFlush) clearTimeout(pendingFlush);
        pending.clear();
      },
    };
  });
  return store;
}
