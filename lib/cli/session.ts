/**
 * The CLI's account: a versioned, plain-JSON state (so it can be saved and shared) and a Session that wraps
 * it. The scenario is the account's configuration: create-function, create-alias, put-function-concurrency…
 * edit it. What happens over time (invocations, messages sent, `sleep`) is a list of timed actions. The
 * simulation is derived: the scenario is run and the actions are replayed at their times, so the same state
 * always gives the same results. A configuration change rebuilds the simulation and replays the actions
 * under the new configuration (the simulated account has always had it); adding an action only advances it.
 */
import '../zod-config';
import { z } from 'zod';
import { createSimulation, injectSchema, type InjectCommand, type Simulation, type ScenarioInput } from '../sim/index';

export const CLI_STATE_VERSION = 1;

const fnMetaSchema = z.object({
  handler: z.string(),
  description: z.string(),
  environment: z.record(z.string(), z.string()),
  roleArn: z.string(),
  codeSha256: z.string(),
  codeSize: z.number(),
  lastModified: z.string(),
  revision: z.number().int(),
  /** What each published version looked like when it was published (GetFunctionConfiguration --qualifier). */
  versions: z.record(z.string(), z.object({ revision: z.number().int(), description: z.string(), codeSha256: z.string(), lastModified: z.string(), timeout: z.number(), memorySize: z.number(), environment: z.record(z.string(), z.string()) })),
  aliasDescriptions: z.record(z.string(), z.string()),
  /** Provisioned concurrency configs: qualifier → requested amount, and when it was set. */
  provisioned: z.record(z.string(), z.object({ requested: z.number(), lastModified: z.string() })),
  eventInvokeConfig: z.object({ lastModified: z.string() }).nullable(),
});
export type FnMeta = z.infer<typeof fnMetaSchema>;

export const cliStateSchema = z.object({
  version: z.literal(CLI_STATE_VERSION),
  /** The account's configuration now: what get-* and describe-* commands read. May have no functions yet. */
  scenario: z.record(z.string(), z.unknown()),
  /**
   * The configuration the simulation starts from. Settings the simulator can change while it runs (reserved
   * concurrency, alias routing, alarms) are actions at their time, so they are not applied to the past; other
   * edits (a new function, a timeout) apply to the whole replayed run.
   */
  base: z.record(z.string(), z.unknown()),
  meta: z.object({
    functions: z.record(z.string(), fnMetaSchema),
    /** Event source mapping UUIDs, in the order of scenario.eventSourceMappings. */
    mappingIds: z.array(z.string()),
    mappingModified: z.array(z.number()),
    queueCreated: z.record(z.string(), z.number()),
    queueAttributes: z.record(z.string(), z.record(z.string(), z.string())),
  }),
  actions: z.array(z.object({ atMs: z.number().min(0), cmd: injectSchema })),
  nowMs: z.number().min(0),
  files: z.record(z.string(), z.string()),
  /** Logs Insights queries started: id → query and the time range. */
  queries: z.record(z.string(), z.object({ query: z.string(), logGroups: z.array(z.string()), startTime: z.number(), endTime: z.number(), at: z.number() })),
  /** Counter for deterministic ids (UUIDs, request ids of the CLI's own records). */
  counter: z.number().int().min(0),
});
export type CliState = z.infer<typeof cliStateSchema>;

/** Default account horizon: how far the CLI clock may run (alarms evaluate up to the scenario's end). */
export const DEFAULT_HORIZON_SECONDS = 6 * 3600;

export function emptyScenario(): ScenarioInput & Record<string, unknown> {
  return {
    id: 'cli-account',
    title: 'Simulated account',
    story: 'A simulated AWS account driven from the CLI.',
    lesson: 'cli-operations',
    durationSeconds: DEFAULT_HORIZON_SECONDS,
    functions: [],
    queues: [],
    destinations: [],
    eventSourceMappings: [],
    workloads: [],
    alarms: [],
  } as unknown as ScenarioInput & Record<string, unknown>;
}

/** A fresh state from a scenario (or an empty account). Functions already in the scenario get metadata. */
export function initialState(scenario?: Record<string, unknown>): CliState {
  const sc = structuredClone(scenario ?? (emptyScenario() as Record<string, unknown>));
  for (const k of ['functions', 'queues', 'destinations', 'eventSourceMappings', 'workloads', 'alarms', 'streams'] as const) if (!Array.isArray(sc[k])) sc[k] = [];
  const st: CliState = {
    version: CLI_STATE_VERSION,
    scenario: sc,
    base: structuredClone(sc),
    meta: { functions: {}, mappingIds: [], mappingModified: [], queueCreated: {}, queueAttributes: {} },
    actions: [],
    nowMs: 0,
    files: {},
    queries: {},
    counter: 0,
  };
  const s = new Session(st);
  for (const f of s.functions()) st.meta.functions[String(f.name)] = s.newFnMeta(String(f.name), 0);
  for (let i = 0; i < s.mappings().length; i++) {
    st.meta.mappingIds.push(s.uuid());
    st.meta.mappingModified.push(0);
  }
  for (const q of s.queues()) st.meta.queueCreated[String(q.name)] = 0;
  return st;
}

type Obj = Record<string, unknown>;

/** The simulator's messages about an edited scenario, as one sentence for a CLI error. */
export function problemsText(problems: string[]): string {
  return problems.map((p) => p.replace(/^scenario: /, '')).join('; ');
}

export class Session {
  private sim: Simulation | null = null;
  /** How many actions the cached simulation has applied. */
  private applied = 0;

  constructor(public state: CliState) {}

  get scenario(): Obj {
    return this.state.scenario;
  }
  get region(): string {
    return String((this.scenario.settings as Obj | undefined)?.region ?? 'us-east-1');
  }
  get account(): string {
    return String((this.scenario.settings as Obj | undefined)?.accountId ?? '123456789012');
  }
  get startEpochMs(): number {
    return Date.parse(String((this.scenario.settings as Obj | undefined)?.startTime ?? '2026-03-01T09:00:00Z'));
  }
  get horizonMs(): number {
    return Number(this.scenario.durationSeconds) * 1000;
  }
  /** Wall-clock ISO time of a virtual time. */
  iso(t: number): string {
    return new Date(this.startEpochMs + t).toISOString();
  }
  /** Lambda's LastModified format: 2026-03-01T09:00:00.000+0000. */
  lambdaTime(t: number): string {
    return this.iso(t).replace('Z', '+0000');
  }

  functions(): Obj[] {
    return this.scenario.functions as Obj[];
  }
  queues(): Obj[] {
    return this.scenario.queues as Obj[];
  }
  mappings(): Obj[] {
    return this.scenario.eventSourceMappings as Obj[];
  }
  alarms(): Obj[] {
    return this.scenario.alarms as Obj[];
  }
  fn(name: string): Obj | undefined {
    return this.functions().find((f) => f.name === name);
  }
  queue(name: string): Obj | undefined {
    return this.queues().find((q) => q.name === name);
  }
  fnArn(name: string, qualifier?: string): string {
    return `arn:aws:lambda:${this.region}:${this.account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  }
  queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.account}:${name}`;
  }
  queueUrl(name: string): string {
    return `https://sqs.${this.region}.amazonaws.com/${this.account}/${name}`;
  }

  /** A deterministic UUID-shaped id from the state's counter (no host randomness). */
  uuid(): string {
    const n = ++this.state.counter;
    let h = (n * 2654435761) >>> 0;
    const parts: string[] = [];
    for (let i = 0; i < 4; i++) {
      h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
      parts.push(h.toString(16).padStart(8, '0'));
    }
    const hex = parts.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A fake code hash that changes with each revision (base64 of 32 bytes, like CodeSha256). */
  sha(seed: string): string {
    let h = 2166136261;
    const bytes: number[] = [];
    for (let i = 0; i < 32; i++) {
      for (const c of `${seed}:${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
      bytes.push(h & 0xff);
    }
    return bytesToBase64(Uint8Array.from(bytes));
  }

  newFnMeta(name: string, t: number): FnMeta {
    const f = this.fn(name);
    const role = String(f?.role ?? `${name}-role`);
    return {
      handler: 'index.handler',
      description: '',
      environment: {},
      roleArn: `arn:aws:iam::${this.account}:role/${role}`,
      codeSha256: this.sha(`${name}:0`),
      codeSize: 1024 * Math.max(1, Math.round(Number(f?.packageSizeMb ?? 1) * 300)),
      lastModified: this.lambdaTime(t),
      revision: 0,
      versions: {},
      aliasDescriptions: {},
      provisioned: {},
      eventInvokeConfig: null,
    };
  }

  meta(name: string): FnMeta {
    const m = this.state.meta.functions[name];
    if (!m) {
      const fresh = this.newFnMeta(name, this.state.nowMs);
      this.state.meta.functions[name] = fresh;
      return fresh;
    }
    return m;
  }

  /** Drops the cached simulation: the next use rebuilds it from the base and replays the actions (after the state was replaced). */
  resetSimulation(): void {
    this.sim = null;
    this.applied = 0;
  }

  /** Call after any configuration edit: the simulation is rebuilt (and actions replayed) on next use. */
  configChanged(): void {
    const old = this.state.base;
    const next = structuredClone(this.scenario);
    const oldFns = (old.functions as Obj[] | undefined) ?? [];
    for (const f of next.functions as Obj[]) {
      const of = oldFns.find((x) => x.name === f.name);
      if (!of) continue;
      if (of.reservedConcurrency === undefined) delete f.reservedConcurrency;
      else f.reservedConcurrency = of.reservedConcurrency;
      for (const al of (f.aliases as Obj[] | undefined) ?? []) {
        const oa = ((of.aliases as Obj[] | undefined) ?? []).find((x) => x.name === al.name);
        if (!oa) continue;
        al.version = oa.version;
        if (oa.additionalVersionWeights === undefined) delete al.additionalVersionWeights;
        else al.additionalVersionWeights = structuredClone(oa.additionalVersionWeights);
      }
    }
    next.alarms = structuredClone(old.alarms ?? []);
    this.state.base = next;
    this.sim = null;
    this.applied = 0;
  }

  /** The simulation at the current time, or null when the account has no function yet. Throws ScenarioError if invalid. */
  simulation(): Simulation | null {
    if (this.functions().length === 0) return null;
    if (this.sim === null) {
      this.sim = createSimulation(this.state.base, { trace: { capacity: 200_000 }, logs: { capacity: 200_000 } });
      this.applied = 0;
    }
    // The clock moved back (the page scrubbed back): replay from the start.
    if (this.sim.now > this.state.nowMs) {
      this.sim = createSimulation(this.state.base, { trace: { capacity: 200_000 }, logs: { capacity: 200_000 } });
      this.applied = 0;
    }
    const sim = this.sim;
    const acts = this.state.actions;
    while (this.applied < acts.length) {
      const a = acts[this.applied]!;
      sim.advanceTo(a.atMs);
      sim.inject(a.cmd);
      this.applied++;
    }
    sim.advanceTo(this.state.nowMs);
    return sim;
  }

  /** Checks that the scenario (after an edit) is one the simulator accepts; returns the messages if not. */
  validate(): string[] {
    if (this.functions().length === 0) return [];
    try {
      createSimulation(this.scenario);
      return [];
    } catch (err) {
      const issues = (err as { issues?: string[] }).issues;
      return issues ?? [String((err as Error).message)];
    }
  }

  /**
   * Undoes an edit the simulator refuses: the scenario goes back to `before`, then `refuse` words the command's
   * error from the simulator's messages (it may read the restored scenario).
   */
  rejectInvalid(before: Obj, refuse: (problems: string[]) => Error): void {
    const problems = this.validate();
    if (!problems.length) return;
    this.state.scenario = before;
    throw refuse(problems);
  }

  /** Runs one step of an edit; a step that throws leaves the scenario as it was `before`, so a failed command changes nothing. */
  undoOnError<T>(before: Obj, step: () => T): T {
    try {
      return step();
    } catch (err) {
      this.state.scenario = before;
      throw err;
    }
  }

  /** Records an action at the current time and applies it. */
  act(cmd: InjectCommand): { sim: Simulation; firstEventId?: string } {
    const sim = this.simulation();
    if (!sim) throw new Error('no function to simulate');
    this.state.actions.push({ atMs: this.state.nowMs, cmd: injectSchema.parse(cmd) });
    const r = sim.inject(cmd);
    this.applied++;
    return { sim, firstEventId: r.firstEventId };
  }

  /** A configuration change the simulator applies while it runs: recorded as an action at the current time. */
  liveChange(cmd: InjectCommand): void {
    if (this.functions().length === 0) return;
    this.act(cmd);
  }

  /** A hex id derived from a seed (RevisionId-shaped). */
  revisionId(seed: string): string {
    let out = '';
    let h = 2166136261;
    for (let i = 0; out.length < 32; i++) {
      for (const c of `${seed}#${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
      out += h.toString(16).padStart(8, '0');
    }
    return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20, 32)}`;
  }

  /** Moves the clock forward (never past the account's horizon). */
  advance(ms: number): number {
    const to = Math.min(this.horizonMs, this.state.nowMs + Math.max(0, ms));
    this.state.nowMs = to;
    this.simulation();
    return to;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Base64 of a string of UTF-8 text (no Buffer: lib/ runs in the browser too). */
export function base64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function fromBase64(b64: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return null;
  try {
    const bin = atob(b64);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
