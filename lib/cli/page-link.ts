/**
 * One shared state for the simulator page and its terminal. The page's run (scenario, seed, the triggers with
 * their virtual times, and the current time) is the truth; the terminal's session is the same run seen
 * through the CLI, plus what only the CLI keeps (function metadata, queue attributes, files, queries).
 *
 * Before each command the terminal adopts whatever the page changed since it last looked (a trigger, a
 * configuration edit, the clock moving); after the command it sends the page what the command changed: a
 * new run (scenario, triggers and time, replayed deterministically by the page's worker) or just a later time.
 * Both directions go through the same two pure functions, so the page and the terminal can never drift apart
 * without a test seeing it.
 */
import { injectSchema, type InjectCommand } from '../sim/index';
import { canonicalJson } from '../sim/share';
import type { CliState, Session } from './session';

type Obj = Record<string, unknown>;

export interface PageRun {
  /** The scenario JSON the page runs (as the learner or the preset wrote it). */
  input: Obj;
  seed: number;
  /** The page's triggers so far, with their virtual times (ms); those after `t` wait to be replayed. */
  injections: { t: number; cmd: unknown }[];
  /** The page's virtual time (ms). */
  t: number;
}

/** What the terminal last saw of the page (each part compared on its own). */
export interface LinkMemo {
  input: string;
  seed: number;
  injections: string;
  t: number;
  /** Triggers the page holds for later (after a scrub back); sent back with a new run so they are kept. */
  future: { t: number; cmd: unknown }[];
}

export type PagePush = { kind: 'load'; input: Obj; seed: number; injections: { t: number; cmd: InjectCommand }[]; runTo: number } | { kind: 'seek'; t: number };

export function memoOf(run: PageRun): LinkMemo {
  return { input: canonicalJson(run.input), seed: run.seed, injections: canonicalJson(run.injections), t: run.t, future: run.injections.filter((i) => i.t > run.t) };
}

const ARRAYS = ['functions', 'queues', 'destinations', 'eventSourceMappings', 'workloads', 'alarms', 'streams'] as const;

function upsert(list: Obj[], item: Obj, key: string) {
  const i = list.findIndex((x) => x[key] === item[key]);
  if (i >= 0) list[i] = item;
  else list.push(item);
}

/**
 * The account's configuration now: the base scenario with the configuration changes the simulator applies
 * while it runs (reserved concurrency, alias routing, alarms) folded in, as the CLI's own commands leave it.
 */
export function foldLive(base: Obj, actions: readonly { cmd: unknown }[]): Obj {
  const sc = structuredClone(base);
  const fns = (sc.functions as Obj[] | undefined) ?? [];
  for (const { cmd } of actions) {
    const c = cmd as Obj;
    if (c.type === 'set-reserved-concurrency') {
      const f = fns.find((x) => x.name === c.function);
      if (!f) continue;
      if (c.value === null || c.value === undefined) delete f.reservedConcurrency;
      else f.reservedConcurrency = c.value;
    } else if (c.type === 'set-alias-routing') {
      const al = ((fns.find((x) => x.name === c.function)?.aliases as Obj[] | undefined) ?? []).find((x) => x.name === c.alias);
      if (!al) continue;
      if (c.version !== undefined) al.version = c.version;
      const w = (c.additionalVersionWeights as Record<string, number> | undefined) ?? {};
      if (Object.keys(w).length) al.additionalVersionWeights = structuredClone(w);
      else delete al.additionalVersionWeights;
    } else if (c.type === 'put-metric-alarm') {
      sc.alarms = Array.isArray(sc.alarms) ? sc.alarms : [];
      upsert(sc.alarms as Obj[], structuredClone(c.alarm as Obj), 'alarmName');
    } else if (c.type === 'put-composite-alarm') {
      sc.compositeAlarms = Array.isArray(sc.compositeAlarms) ? sc.compositeAlarms : [];
      upsert(sc.compositeAlarms as Obj[], structuredClone(c.alarm as Obj), 'alarmName');
    }
  }
  return sc;
}

/** Metadata for functions, mappings and queues the page added (the CLI creates its own when it adds them). */
function ensureMeta(session: Session) {
  const st = session.state;
  for (const f of session.functions()) session.meta(String(f.name));
  while (st.meta.mappingIds.length < session.mappings().length) {
    st.meta.mappingIds.push(session.uuid());
    st.meta.mappingModified.push(st.nowMs);
  }
  for (const q of session.queues()) st.meta.queueCreated[String(q.name)] ??= st.nowMs;
}

function parsedActions(list: readonly { t: number; cmd: unknown }[]): CliState['actions'] {
  const out: CliState['actions'] = [];
  for (const i of list) {
    const c = injectSchema.safeParse(i.cmd);
    if (c.success && Number.isFinite(i.t) && i.t >= 0) out.push({ atMs: i.t, cmd: c.data });
  }
  return out;
}

/**
 * Brings the session to the page's run, part by part, where the page changed since `memo` (null: adopt it
 * all). Returns the new memo and which parts were adopted.
 */
export function adoptPageRun(session: Session, run: PageRun, memo: LinkMemo | null): { memo: LinkMemo; adopted: ('scenario' | 'triggers' | 'time')[] } {
  const next = memoOf(run);
  const adopted: ('scenario' | 'triggers' | 'time')[] = [];
  const st = session.state;
  const scenarioChanged = !memo || memo.input !== next.input || memo.seed !== next.seed;
  const triggersChanged = !memo || memo.injections !== next.injections;
  const timeChanged = !memo || memo.t !== next.t;
  if (scenarioChanged) {
    const base = structuredClone(run.input);
    for (const k of ARRAYS) if (!Array.isArray(base[k])) base[k] = [];
    base.seed = run.seed;
    st.base = base;
    adopted.push('scenario');
  }
  let actionsChanged = false;
  if (triggersChanged || timeChanged) {
    // The page's triggers up to its time are the account's past; a scrub back puts later ones in the future.
    const actions = parsedActions(run.injections.filter((i) => i.t <= run.t));
    if (canonicalJson(actions) !== canonicalJson(st.actions)) {
      st.actions = actions;
      actionsChanged = true;
      adopted.push('triggers');
    }
  }
  if (timeChanged) {
    st.nowMs = Math.max(0, Math.min(run.t, session.horizonMs || run.t));
    adopted.push('time');
  }
  if (scenarioChanged || actionsChanged) {
    st.scenario = foldLive(st.base, st.actions);
    ensureMeta(session);
    session.resetSimulation();
  }
  return { memo: next, adopted };
}

/** The parts of a session a command may change, to tell afterwards what to send to the page. */
export interface SessionMark {
  base: string;
  actions: string;
  nowMs: number;
}

export function markOf(session: Session): SessionMark {
  return { base: canonicalJson(session.state.base), actions: canonicalJson(session.state.actions), nowMs: session.state.nowMs };
}

/**
 * What the page must do after a command: run the new configuration and triggers up to the terminal's time
 * (the page's worker replays them deterministically), or only move its clock on. `pageInput` is the page's
 * scenario as it was, so keys the CLI only normalised (empty lists, the seed) are not written into it.
 */
export function pushFor(session: Session, before: SessionMark, memo: LinkMemo | null, pageInput: Obj | null): PagePush | null {
  const st = session.state;
  const after = markOf(session);
  if (after.base !== before.base || after.actions !== before.actions) {
    const input = structuredClone(st.base);
    const seed = typeof input.seed === 'number' ? input.seed : 1;
    if (pageInput) {
      for (const k of ARRAYS) if (Array.isArray(input[k]) && (input[k] as unknown[]).length === 0 && !(k in pageInput)) delete input[k];
      if ('seed' in pageInput) input.seed = pageInput.seed;
      else delete input.seed;
    }
    const injections = st.actions.map((a) => ({ t: a.atMs, cmd: a.cmd as InjectCommand }));
    for (const f of memo?.future ?? []) {
      const c = injectSchema.safeParse(f.cmd);
      if (c.success && f.t > st.nowMs) injections.push({ t: f.t, cmd: c.data as InjectCommand });
    }
    return { kind: 'load', input, seed, injections, runTo: st.nowMs };
  }
  if (after.nowMs !== before.nowMs) return { kind: 'seek', t: st.nowMs };
  return null;
}

/** The page's run after it carried out a push (what the worker does with it). */
export function applyPush(run: PageRun, push: PagePush): PageRun {
  if (push.kind === 'seek') return { ...run, t: push.t };
  return { input: push.input, seed: push.seed, injections: push.injections, t: push.runTo };
}

/** The parts of the page's run that differ from `prev` (all of them when there is no `prev`), for a share link. */
export interface PageDiff {
  input?: Obj;
  seed?: number;
  injections?: { t: number; cmd: unknown }[];
  t?: number;
}

export function pageDiff(prev: PageRun | null, run: PageRun): PageDiff | undefined {
  const d: PageDiff = {};
  if (!prev || canonicalJson(prev.input) !== canonicalJson(run.input)) d.input = structuredClone(run.input);
  if (!prev || prev.seed !== run.seed) d.seed = run.seed;
  if (!prev || canonicalJson(prev.injections) !== canonicalJson(run.injections)) d.injections = structuredClone(run.injections);
  if (!prev || prev.t !== run.t) d.t = run.t;
  return Object.keys(d).length ? d : undefined;
}

export function withDiff(prev: PageRun | null, d: PageDiff | undefined): PageRun | null {
  if (!d) return prev;
  if (!prev && (d.input === undefined || d.seed === undefined || d.injections === undefined || d.t === undefined)) return null;
  return { input: d.input ?? prev!.input, seed: d.seed ?? prev!.seed, injections: d.injections ?? prev!.injections, t: d.t ?? prev!.t };
}

/**
 * The terminal side of the link, step by step: the page's run as the terminal last knew it and what it saw.
 * The live terminal and a share link's replay both drive this, so a replay reaches exactly the same state.
 */
export class LinkedSession {
  known: PageRun | null = null;
  memo: LinkMemo | null = null;
  private mark: SessionMark | null = null;

  constructor(public session: Session) {}

  /** Before a command: adopt the page's run; returns what changed since the last step (recorded in share links). */
  before(run: PageRun | null): PageDiff | undefined {
    const diff = run ? pageDiff(this.known, run) : undefined;
    if (run) {
      this.known = run;
      this.memo = adoptPageRun(this.session, run, this.memo).memo;
    }
    this.mark = markOf(this.session);
    return diff;
  }

  /** After a command: what the page must run (null: nothing), with the run it will then have. */
  after(): PagePush | null {
    if (!this.mark) return null;
    const push = pushFor(this.session, this.mark, this.memo, this.known?.input ?? null);
    this.mark = null;
    if (push && this.known) {
      this.known = applyPush(this.known, push);
      this.memo = memoOf(this.known);
    }
    return push;
  }
}
