/**
 * The public API. `runScenario` runs to completion; `createSimulation` returns an incremental simulation
 * that a Web Worker can drive: advance to a time, inject events while it runs, read a snapshot, and poll
 * trace events and log lines since a cursor. Every return value is plain, structured-cloneable data.
 */
import '../zod-config';
import { z } from 'zod';
import { Engine, type EngineOptions } from './engine';
import { ENV_IDLE, type WorkloadRt } from './model';
import { ASYNC_SOURCES, clientRetrySchema, parseScenario, type Scenario, ScenarioError, SOURCES, SYNC_SOURCES, type WorkloadConfig } from './schema';
import { buildSummary, type SummaryOptions } from './summary';
import type { Snapshot, Summary, TraceEvent } from './types';
import { type AlarmContext, checkMetricAlarm, compositeAlarmSchema, metricAlarmSchema, ruleAlarmNames } from './alarms';
import type { AlarmSummary } from './alarm-runtime';
import type { LogEvent } from './logs';
import type { Ring } from './ring';

const count = z.number().int().min(1).max(1_000_000).default(1);
const nameField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .describe('Prefix for event ids (default "manual-<source>"); events count on from earlier injections with the same name.');
const idField = z.string().min(1).max(200).optional().describe('Explicit id for a single event (e.g. a poison message id).');

export const injectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), target: z.string().min(1), count, source: z.enum(SYNC_SOURCES).default('invoke'), id: idField, name: nameField, clientRetry: clientRetrySchema.optional() }).strict(),
  z.object({ type: z.literal('invoke-async'), target: z.string().min(1), count, source: z.enum(ASYNC_SOURCES).default('invoke-async'), id: idField, name: nameField }).strict(),
  z.object({ type: z.literal('sqs-send'), queue: z.string().min(1), count, id: idField, name: nameField }).strict(),
  z.object({ type: z.literal('stream-put'), stream: z.string().min(1), count, id: idField, name: nameField }).strict(),
  z
    .object({
      type: z.literal('start-traffic'),
      id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      source: z.enum(SOURCES),
      target: z.string().min(1),
      ratePerSecond: z.number().positive().max(1_000_000),
      poisson: z.boolean().default(false),
      clientRetry: clientRetrySchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('stop-traffic'), id: z.string().min(1) }).strict(),
  // PutMetricAlarm / PutCompositeAlarm while the run goes on (a simulated CLI replays these from share links).
  z.object({ type: z.literal('put-metric-alarm'), alarm: metricAlarmSchema }).strict(),
  z.object({ type: z.literal('put-composite-alarm'), alarm: compositeAlarmSchema }).strict(),
  z.object({ type: z.literal('set-reserved-concurrency'), function: z.string().min(1), value: z.number().int().min(0).nullable() }).strict(),
  z
    .object({
      type: z.literal('set-alias-routing'),
      function: z.string().min(1),
      alias: z.string().min(1),
      version: z.string().regex(/^[0-9]+$/).optional(),
      additionalVersionWeights: z.record(z.string(), z.number().min(0).max(1)).default({}),
    })
    .strict(),
]);
export type InjectCommand = z.input<typeof injectSchema>;

export interface InjectResult {
  /** Events added (0 for configuration commands). */
  events: number;
  /** Id of the first event, when events were added. */
  firstEventId?: string;
}

export class InjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InjectError';
  }
}

export type SimulationOptions = EngineOptions;

export class Simulation {
  private readonly e: Engine;
  private readonly traffic = new Map<string, WorkloadRt>();

  private readonly rings: { trace: Ring<TraceEvent> | null; logs: Ring<LogEvent> | null };

  constructor(scenario: Scenario, opts: SimulationOptions = {}) {
    this.e = new Engine(scenario, opts);
    this.rings = { trace: this.e.trace, logs: this.e.logs };
  }

  /**
   * Pauses or resumes recording of trace events and log lines while the run goes on. The page samples them at
   * high speed, where writing every sentence and log line costs several times the simulation itself. Results,
   * counters and metrics never depend on it, only what eventsSince and logsSince return. Recording can only
   * resume if it was enabled when the simulation was created.
   */
  setRecording(opts: { trace?: boolean; logs?: boolean }): void {
    if (opts.trace !== undefined) this.e.trace = opts.trace ? this.rings.trace : null;
    if (opts.logs !== undefined) this.e.logs = opts.logs ? this.rings.logs : null;
  }

  /** Current virtual time in ms. */
  get now(): number {
    return this.e.now;
  }
  /** The scenario's duration in ms. */
  get endTime(): number {
    return this.e.endMs;
  }
  get done(): boolean {
    return this.e.now >= this.e.endMs;
  }
  /** Scheduled events processed so far (a measure of work done). */
  get eventsProcessed(): number {
    return this.e.eventsProcessed;
  }
  get scenario(): Scenario {
    return this.e.sc;
  }

  /**
   * Time (ms) of the earliest scheduled event, or null when nothing is scheduled. The page's "step" control
   * advances to it. Some scheduled events are internal (timers, poller wake-ups) and change nothing visible.
   */
  nextEventTime(): number | null {
    return this.e.heap.size > 0 ? this.e.heap.peekTime() : null;
  }

  /** Processes everything scheduled up to and including time t (ms). Time never goes backwards. */
  advanceTo(t: number): void {
    // Injected traffic has no end, so an infinite target time would never return.
    if (!Number.isFinite(t)) throw new RangeError('advanceTo needs a finite time in ms');
    if (!(t >= this.e.now)) return;
    this.e.advanceTo(t);
  }

  advanceBy(dt: number): void {
    this.advanceTo(this.e.now + Math.max(0, dt));
  }

  runToEnd(): void {
    this.advanceTo(this.e.endMs);
  }

  /** Adds events or changes configuration at the current time. Throws InjectError with a readable message. */
  inject(cmd: InjectCommand): InjectResult {
    const parsed = injectSchema.safeParse(cmd);
    if (!parsed.success) throw new InjectError(parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; '));
    const c = parsed.data;
    const e = this.e;
    try {
      switch (c.type) {
        case 'invoke':
          return this.addEvents({ source: c.source, target: c.target, clientRetry: c.clientRetry }, c.count, c.id, c.name);
        case 'invoke-async':
          return this.addEvents({ source: c.source, target: c.target }, c.count, c.id, c.name);
        case 'sqs-send': {
          const q = e.queueByName.get(c.queue);
          if (!q) throw new InjectError(`no queue named "${c.queue}"`);
          if (q.isSink) throw new InjectError(`queue "${c.queue}" is a DLQ or destination; send to a source queue`);
          return this.addEvents({ source: 'sqs', target: c.queue }, c.count, c.id, c.name);
        }
        case 'stream-put': {
          const st = e.streamByName.get(c.stream);
          if (!st) throw new InjectError(`no stream named "${c.stream}"`);
          return this.addEvents({ source: st.type, target: c.stream }, c.count, c.id, c.name);
        }
        case 'start-traffic': {
          if (this.traffic.has(c.id)) throw new InjectError(`traffic "${c.id}" is already running; stop it first`);
          this.checkTarget(c.source, c.target);
          const w: WorkloadConfig = {
            name: c.id,
            source: c.source,
            target: c.target,
            pattern: c.poisson ? { type: 'poisson', ratePerSecond: c.ratePerSecond } : { type: 'constant', ratePerSecond: c.ratePerSecond },
            clientRetry: c.clientRetry,
          };
          if (!(SYNC_SOURCES as readonly string[]).includes(c.source)) delete w.clientRetry;
          const wl = e.addWorkload(w, c.id, Infinity, e.now, `inject:${e.workloads.length}`);
          this.traffic.set(c.id, wl);
          if (e.trace) e.tr('config', `Traffic "${c.id}" started: ${c.ratePerSecond} events/s from ${c.source} to ${c.target}`, { source: c.source });
          return { events: 0 };
        }
        case 'stop-traffic': {
          const wl = this.traffic.get(c.id);
          if (!wl) throw new InjectError(`no running traffic "${c.id}"`);
          wl.active = false;
          this.traffic.delete(c.id);
          if (e.trace) e.tr('config', `Traffic "${c.id}" stopped`, {});
          return { events: 0 };
        }
        case 'put-metric-alarm': {
          const problems = checkMetricAlarm(c.alarm, this.alarmContext());
          if (problems.length) throw new InjectError(problems.map((p) => `${p.path.join('.') || 'alarm'}: ${p.message}`).join('; '));
          if (this.describeAlarms().some((a) => a.name === c.alarm.alarmName && a.type === 'composite')) throw new InjectError(`"${c.alarm.alarmName}" is a composite alarm`);
          e.alarms.putMetricAlarm(c.alarm);
          if (e.trace) e.tr('config', `Alarm ${c.alarm.alarmName} created (INSUFFICIENT_DATA until its first period ends)`, { alarm: c.alarm.alarmName });
          return { events: 0 };
        }
        case 'put-composite-alarm': {
          const names = new Set(this.describeAlarms().map((a) => a.name));
          let refs: string[];
          try {
            refs = ruleAlarmNames(c.alarm.alarmRule);
          } catch (err) {
            throw new InjectError(`alarmRule: ${(err as Error).message}`);
          }
          for (const n of refs) if (!names.has(n) || n === c.alarm.alarmName) throw new InjectError(`alarmRule: no alarm named "${n}"`);
          e.alarms.putCompositeAlarm(c.alarm);
          if (e.trace) e.tr('config', `Composite alarm ${c.alarm.alarmName} created`, { alarm: c.alarm.alarmName });
          return { events: 0 };
        }
        case 'set-reserved-concurrency':
          this.setReserved(c.function, c.value);
          return { events: 0 };
        case 'set-alias-routing': {
          const fn = e.fnByName.get(c.function);
          if (!fn) throw new InjectError(`no function named "${c.function}"`);
          const alias = fn.aliasByName.get(c.alias);
          if (!alias) throw new InjectError(`function "${c.function}" has no alias "${c.alias}"`);
          const version = c.version ?? alias.version.name;
          if (!fn.verByName.has(version) || version === '$LATEST') throw new InjectError(`function "${c.function}" has no version "${version}"`);
          let sum = 0;
          const extra = Object.entries(c.additionalVersionWeights);
          if (extra.length > 1) throw new InjectError('an alias routes to at most two versions (AdditionalVersionWeights: "Member must have length less than or equal to 1")');
          for (const [v, w] of extra) {
            if (!fn.verByName.has(v) || v === version) throw new InjectError(`weight for version "${v}" is not valid here`);
            const a = fn.verByName.get(version)!;
            const b = fn.verByName.get(v)!;
            if (w > 0 && a.role !== b.role) throw new InjectError(`versions ${version} and ${v} have different execution roles: an alias can route only between versions with the same role`);
            if (w > 0 && a.dlq !== b.dlq) throw new InjectError(`versions ${version} and ${v} have different dead-letter queue configurations: an alias can route only between versions with the same DLQ configuration`);
            sum += w;
          }
          if (sum > 1 + 1e-9) throw new InjectError(`weights add up to ${sum}, more than 1`);
          e.setRoutes(fn, alias, version, c.additionalVersionWeights);
          alias.rolledBack = false;
          alias.deploying = sum > 0;
          if (e.trace) e.tr('alias-shift', `Alias ${fn.name}:${alias.name} now points to version ${version}${sum > 0 ? ` with ${Math.round(sum * 100)} % to other versions` : ''}`, { function: fn.name, alias: alias.name, version });
          return { events: 0 };
        }
      }
    } catch (err) {
      if (err instanceof InjectError) throw err;
      throw new InjectError(err instanceof Error ? err.message : String(err));
    }
  }

  private checkTarget(source: string, target: string): void {
    const e = this.e;
    if (source === 'sqs') {
      const q = e.queueByName.get(target);
      if (!q || q.isSink) throw new InjectError(`no source queue named "${target}"`);
    } else if (source === 'kinesis' || source === 'dynamodb') {
      const st = e.streamByName.get(target);
      if (!st || st.type !== source) throw new InjectError(`no ${source} stream named "${target}"`);
    } else e.resolveTarget(target);
  }

  private addEvents(w: Omit<WorkloadConfig, 'pattern'>, n: number, id: string | undefined, name: string | undefined): InjectResult {
    const e = this.e;
    this.checkTarget(w.source, w.target);
    const prefix = name ?? `manual-${w.source}`;
    const cfg: WorkloadConfig = { ...w, name: prefix, pattern: { type: 'list', events: [{ atSeconds: 0, count: n, id }] } };
    if (!(SYNC_SOURCES as readonly string[]).includes(w.source)) delete cfg.clientRetry;
    const wl = e.addWorkload(cfg, prefix, Infinity, e.now, `inject:${e.workloads.length}`);
    const first = wl.ids.next;
    return { events: n, firstEventId: id !== undefined && n === 1 ? id : id !== undefined ? `${id}-1` : `${prefix}-${first}` };
  }

  private setReserved(name: string, value: number | null): void {
    const e = this.e;
    const fn = e.fnByName.get(name);
    if (!fn) throw new InjectError(`no function named "${name}"`);
    const acct = e.acct;
    const oldR = fn.reserved;
    const newTotal = acct.reservedTotal - (oldR ?? 0) + (value ?? 0);
    const newPcUnreserved = acct.pcUnreserved - (oldR === null ? fn.pcAllocated : 0) + (value === null ? fn.pcAllocated : 0);
    if (value !== null && fn.pcAllocated > value) throw new InjectError(`reserved concurrency ${value} is below the function's provisioned concurrency (${fn.pcAllocated})`);
    if (newTotal + newPcUnreserved > acct.limit - acct.unreservedMin)
      throw new InjectError(`that would leave less than ${acct.unreservedMin} of the account's ${acct.limit} concurrency unreserved`);
    // Move the function's running work between the unreserved pool and its reservation.
    if (oldR === null && value !== null) {
      acct.unreservedOnDemandBusy -= fn.onDemandBusy;
      acct.unreservedBusy -= fn.busy;
    } else if (oldR !== null && value === null) {
      acct.unreservedOnDemandBusy += fn.onDemandBusy;
      acct.unreservedBusy += fn.busy;
    }
    // Invocations already running finish under the old setting (at most a timeout plus INIT).
    e.relaxCapacityChecksUntil = e.now + 960_000;
    acct.reservedTotal = newTotal;
    acct.pcUnreserved = newPcUnreserved;
    fn.reserved = value;
    if (e.trace)
      e.tr(
        'config',
        value === null ? `Reserved concurrency removed from ${name}: it shares the unreserved pool again` : value === 0 ? `Reserved concurrency of ${name} set to 0: every invocation is now throttled (kill switch)` : `Reserved concurrency of ${name} set to ${value}`,
        { function: name },
      );
  }

  /** Current state: environments with state and since-time, queue and stream backlogs, counters and cost. */
  snapshot(): Snapshot {
    const e = this.e;
    const now = e.now;
    const costs = e.costs();
    const acct = e.acct;
    return {
      t: now,
      endT: e.endMs,
      done: this.done,
      account: {
        concurrencyLimit: acct.limit,
        busy: acct.busy,
        unreservedBusy: acct.unreservedBusy,
        unreservedAvailable: Math.max(0, acct.limit - acct.reservedTotal - acct.pcUnreserved - acct.unreservedOnDemandBusy),
      },
      functions: e.fns.map((fn, i) => ({
        name: fn.name,
        reservedConcurrency: fn.reserved,
        provisionedConcurrency: fn.pcAllocated,
        busy: fn.busy,
        maxConcurrency: fn.maxBusy,
        scalingTokens: Math.floor(Math.min(e.scalingBurst, fn.tokens + (now - fn.tokensAt) * e.refillPerMs)),
        asyncQueued: fn.asyncQueued,
        counters: { invocations: fn.inv, errors: fn.err, throttles: fn.thr, coldStarts: fn.cold, warmStarts: fn.warm, timeouts: fn.timeouts },
        costUsd: Math.round((costs.perFn[i] ?? 0) * 1e10) / 1e10,
        envs: [...fn.live.values()].map((env) => ({
          id: env.id,
          version: env.ver.name,
          provisioned: env.pool ? env.pool.qualifier : null,
          state: env.state === ENV_IDLE ? ('idle' as const) : now < env.busyFrom ? ('init' as const) : ('busy' as const),
          since: env.state === ENV_IDLE ? env.since : now < env.busyFrom ? env.since : env.busyFrom,
          createdAt: env.createdAt,
          requests: env.requests,
        })),
        aliases: fn.aliases.map((a) => ({ name: a.name, version: a.version.name, additionalVersionWeights: { ...a.weights }, rolledBack: a.rolledBack })),
      })),
      queues: e.queues.map((q) => ({
        name: q.name,
        visible: q.visible,
        inFlight: q.inFlight,
        sent: q.sent,
        received: q.received,
        deleted: q.deleted,
        redriven: q.redriven,
        pollers: q.mapping ? q.mapping.allowance : null,
      })),
      streams: e.streams.map((st) => ({
        name: st.name,
        lanes: st.lanes.map((l) => ({
          shard: l.shard,
          pending: l.tail - l.head,
          inFlight: l.inFlight,
          retries: l.ranges.length ? l.ranges[l.ranges.length - 1]! : 0,
          iteratorAgeMs: l.lastIteratorAge >= 0 ? Math.round(l.lastIteratorAge) : null,
        })),
      })),
      sinks: e.sinks.filter((s) => s.type !== 'sqs' || s.queue?.isSink).map((s) => ({ name: s.name, type: s.type, count: s.received })),
      alarms: e.alarms.summaries().map((a) => ({ name: a.name, state: a.state })),
      events: e.fates.totals(e.pendingCount()),
      costUsd: Math.round(costs.totalUsd * 1e10) / 1e10,
    };
  }

  /** What each DLQ and destination has received: counts and the first messages or records (up to settings.sampleLimit). */
  sinkContents(): Summary['sinks'] {
    const out: Summary['sinks'] = {};
    for (const s of this.e.sinks) {
      if (s.type === 'sqs' && !s.queue?.isSink) continue;
      out[s.name] = { type: s.type, received: s.received, rejected: s.rejected, samples: s.samples.slice() };
    }
    return out;
  }

  /** Trace events with seq >= cursor (needs the trace option). `missed` counts events the ring overwrote. */
  eventsSince(cursor: number, limit = 5000): { events: TraceEvent[]; next: number; missed: number } {
    if (!this.e.trace) return { events: [], next: cursor, missed: 0 };
    const r = this.e.trace.since(cursor, limit);
    return { events: r.items, next: r.next, missed: r.missed };
  }

  /** Log lines since a cursor (needs the logs option). */
  logsSince(cursor: number, limit = 5000): { logs: LogEvent[]; next: number; missed: number } {
    if (!this.e.logs) return { logs: [], next: cursor, missed: 0 };
    const r = this.e.logs.since(cursor, limit);
    return { logs: r.items, next: r.next, missed: r.missed };
  }

  /** The summary at the current time (events still in flight count as pending). */
  summary(opts: SummaryOptions = {}): Summary {
    return buildSummary(this.e, opts);
  }

  /** Every alarm with its state, recent datapoints and state history (what describe-alarms shows). */
  describeAlarms(): AlarmSummary[] {
    return this.e.alarms.summaries();
  }

  private alarmContext(): AlarmContext {
    const e = this.e;
    return {
      functions: new Map(e.fns.map((f) => [f.name, { aliases: f.aliases.map((a) => a.name), versions: f.versions.slice(1).map((v) => v.name) }])),
      queues: new Set(e.queues.map((q) => q.name)),
      snsTopics: new Set(e.sinks.filter((s) => s.type === 'sns').map((s) => s.name)),
      metricPeriodSeconds: e.metrics.periodMs / 1000,
    };
  }

  /** For tests: assert the engine's invariants now. */
  checkInvariants(): void {
    this.e.checkInvariants();
  }
}

/** Validates a scenario (throws ScenarioError naming each bad field) and returns an incremental simulation. */
export function createSimulation(input: unknown, opts: SimulationOptions = {}): Simulation {
  return new Simulation(parseScenario(input), opts);
}

export interface RunOptions extends SimulationOptions, SummaryOptions {}

/** Validates and runs a scenario to its end and returns the summary. */
export function runScenario(input: unknown, opts: RunOptions = {}): Summary {
  const sim = createSimulation(input, opts);
  sim.runToEnd();
  return sim.summary({ includeLogs: opts.includeLogs ?? !!opts.logs, omitMetrics: opts.omitMetrics });
}

export { ScenarioError };
