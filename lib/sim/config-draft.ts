/**
 * Immutable edits of a scenario draft (plain JSON) for the configuration editor. The editor never builds a
 * scenario itself: it changes fields by path, and the worker validates the result with the real schema.
 */

export type Draft = Record<string, unknown>;
export type Path = (string | number)[];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function getIn(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (Array.isArray(cur) && typeof k === 'number') cur = cur[k];
    else if (isObj(cur) && typeof k === 'string') cur = cur[k];
    else return undefined;
  }
  return cur;
}

/** A copy with the value at `path` replaced; `undefined` removes the key (or array element). */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path as [string | number, ...Path];
  if (typeof k === 'number') {
    const arr = Array.isArray(obj) ? [...(obj as unknown[])] : [];
    if (rest.length === 0 && value === undefined) arr.splice(k, 1);
    else arr[k] = setIn(arr[k], rest, value);
    return arr as T;
  }
  const o: Record<string, unknown> = isObj(obj) ? { ...obj } : {};
  if (rest.length === 0 && value === undefined) delete o[k];
  else {
    const next = setIn(o[k], rest, value);
    if (next === undefined) delete o[k];
    else o[k] = next;
  }
  return o as T;
}

export function arr(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v.filter(isObj) as Record<string, unknown>[]) : [];
}

/** Names of queues and destinations already in the draft. */
export function sinkNames(d: Draft): { name: string; type: string }[] {
  return [...arr(d.queues).map((q) => ({ name: String(q.name), type: 'sqs' })), ...arr(d.destinations).map((x) => ({ name: String(x.name), type: String(x.type ?? 'sns') }))];
}

function uniqueName(d: Draft, base: string): string {
  const used = new Set([...sinkNames(d).map((s) => s.name), ...arr(d.streams).map((s) => String(s.name))]);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Adds a queue or destination named `name` if it is missing. */
export function ensureSink(d: Draft, name: string, type: 'sqs' | 'sns' | 'eventbridge' | 's3' | 'lambda'): Draft {
  if (sinkNames(d).some((s) => s.name === name)) return d;
  if (type === 'sqs') return { ...d, queues: [...arr(d.queues), { name }] };
  return { ...d, destinations: [...arr(d.destinations), { name, type }] };
}

/** Sets an async sink (deadLetterQueue, onSuccess, onFailure) of function i, creating the target when asked. */
export function setAsyncSink(d: Draft, fnIndex: number, field: 'deadLetterQueue' | 'onSuccess' | 'onFailure', choice: string): Draft {
  const fnName = String(getIn(d, ['functions', fnIndex, 'name']) ?? 'fn');
  let next = d;
  let value: string | undefined;
  const m = /^new:(sqs|sns|eventbridge|s3|lambda)$/.exec(choice);
  if (m) {
    const type = m[1] as 'sqs' | 'sns' | 'eventbridge' | 's3' | 'lambda';
    const suffix = field === 'deadLetterQueue' ? 'dlq' : field === 'onSuccess' ? 'success' : 'failure';
    value = uniqueName(d, `${fnName}-${suffix}${type === 'sqs' ? '' : `-${type}`}`);
    next = ensureSink(d, value, type);
  } else value = choice === '' ? undefined : choice;
  const asyncPath = ['functions', fnIndex, 'async'];
  next = setIn(next, [...asyncPath, field], value);
  if (isObj(getIn(next, asyncPath)) && Object.keys(getIn(next, asyncPath) as object).length === 0) next = setIn(next, asyncPath, undefined);
  return next;
}

export type SourceKind = 'api' | 's3' | 'sns' | 'eventbridge' | 'schedule' | 'sqs' | 'kinesis' | 'dynamodb';

export const SOURCE_LABELS: Record<SourceKind, string> = {
  api: 'API Gateway (synchronous)',
  s3: 'S3 bucket notifications (asynchronous)',
  sns: 'SNS topic (asynchronous)',
  eventbridge: 'EventBridge events (asynchronous)',
  schedule: 'EventBridge schedule (asynchronous)',
  sqs: 'SQS queue (event source mapping)',
  kinesis: 'Kinesis stream (event source mapping)',
  dynamodb: 'DynamoDB stream (event source mapping)',
};

/** Adds an event source with sensible defaults, invoking `target` (a function, version or alias reference). */
export function addSource(d: Draft, kind: SourceKind, target: string): Draft {
  const workloads = arr(d.workloads);
  const wlName = (base: string) => {
    const used = new Set(workloads.map((w) => String(w.name)));
    if (!used.has(base)) return base;
    for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
  };
  switch (kind) {
    case 'api':
      return { ...d, workloads: [...workloads, { name: wlName('req'), source: 'api', target, pattern: { type: 'constant', ratePerSecond: 5 } }] };
    case 's3':
      return { ...d, workloads: [...workloads, { name: wlName('upload'), source: 's3', target, pattern: { type: 'poisson', ratePerSecond: 1 }, payload: { bucket: 'uploads' } }] };
    case 'sns':
      return { ...d, workloads: [...workloads, { name: wlName('msg'), source: 'sns', target, pattern: { type: 'poisson', ratePerSecond: 1 }, payload: { topic: 'events' } }] };
    case 'eventbridge':
      return { ...d, workloads: [...workloads, { name: wlName('evt'), source: 'eventbridge', target, pattern: { type: 'poisson', ratePerSecond: 1 } }] };
    case 'schedule':
      return { ...d, workloads: [...workloads, { name: wlName('tick'), source: 'schedule', target, pattern: { type: 'constant', ratePerSecond: 1 / 60 } }] };
    case 'sqs': {
      const queue = uniqueName(d, 'jobs');
      const dlq = uniqueName({ ...d, queues: [...arr(d.queues), { name: queue }] }, `${queue}-dlq`);
      return {
        ...d,
        queues: [...arr(d.queues), { name: queue, visibilityTimeoutSeconds: 30, redrivePolicy: { deadLetterQueue: dlq, maxReceiveCount: 5 } }, { name: dlq }],
        eventSourceMappings: [...arr(d.eventSourceMappings), { function: target, queue, batchSize: 10 }],
        workloads: [...workloads, { name: wlName('job'), source: 'sqs', target: queue, pattern: { type: 'constant', ratePerSecond: 5 } }],
      };
    }
    case 'kinesis':
    case 'dynamodb': {
      const stream = uniqueName(d, kind === 'kinesis' ? 'clicks' : 'table-stream');
      return {
        ...d,
        streams: [...arr(d.streams), { name: stream, type: kind, shards: kind === 'kinesis' ? 2 : 1 }],
        eventSourceMappings: [...arr(d.eventSourceMappings), { function: target, stream, batchSize: 100 }],
        workloads: [...workloads, { name: wlName(kind === 'kinesis' ? 'rec' : 'change'), source: kind, target: stream, pattern: { type: 'constant', ratePerSecond: 20 } }],
      };
    }
  }
}

/** Removes a queue or stream source: its mapping, the traffic that fed it, and the queue or stream itself. */
export function removePollSource(d: Draft, mappingIndex: number): Draft {
  const m = arr(d.eventSourceMappings)[mappingIndex];
  if (!m) return d;
  const q = typeof m.queue === 'string' ? m.queue : null;
  const st = typeof m.stream === 'string' ? m.stream : null;
  const next: Draft = { ...d, eventSourceMappings: arr(d.eventSourceMappings).filter((_, i) => i !== mappingIndex) };
  next.workloads = arr(next.workloads).filter((w) => !((q && w.source === 'sqs' && w.target === q) || (st && w.target === st)));
  if (q) {
    const queue = arr(next.queues).find((x) => x.name === q);
    const dlq = (queue?.redrivePolicy as { deadLetterQueue?: string } | undefined)?.deadLetterQueue;
    const stillUsed = (name: string) =>
      arr(next.functions).some((f) => Object.values((f.async as Record<string, unknown>) ?? {}).includes(name)) ||
      arr(next.queues).some((x) => x.name !== q && (x.redrivePolicy as { deadLetterQueue?: string } | undefined)?.deadLetterQueue === name);
    next.queues = arr(next.queues).filter((x) => x.name !== q && !(dlq && x.name === dlq && !stillUsed(dlq)));
  }
  if (st) next.streams = arr(next.streams).filter((x) => x.name !== st);
  return next;
}

/** Turns the function's alias on (publishing version 1, retargeting its traffic to the alias) or off. */
export function setAliasEnabled(d: Draft, fnIndex: number, on: boolean): Draft {
  const fn = arr(d.functions)[fnIndex];
  if (!fn) return d;
  const name = String(fn.name);
  const aliasName = on ? 'live' : String(arr(fn.aliases)[0]?.name ?? 'live');
  const from = on ? name : `${name}:${aliasName}`;
  const to = on ? `${name}:${aliasName}` : name;
  let next = d;
  if (on) {
    const versions = arr(fn.versions).length ? arr(fn.versions) : [{ version: '1' }];
    next = setIn(next, ['functions', fnIndex, 'versions'], versions);
    next = setIn(next, ['functions', fnIndex, 'aliases'], [{ name: aliasName, version: String(versions[0]!.version) }]);
  } else {
    next = setIn(next, ['functions', fnIndex, 'aliases'], undefined);
    next = setIn(next, ['functions', fnIndex, 'versions'], undefined);
  }
  next.workloads = arr(next.workloads).map((w) => (w.target === from ? { ...w, target: to } : w));
  next.eventSourceMappings = arr(next.eventSourceMappings).map((m) => (m.function === from ? { ...m, function: to } : m));
  return next;
}

/** Adds or removes a weighted second version on the function's first alias (a canary). */
export function setCanary(d: Draft, fnIndex: number, weight: number | null): Draft {
  const fn = arr(d.functions)[fnIndex];
  const alias = arr(fn?.aliases)[0];
  if (!fn || !alias) return d;
  const base = String(alias.version);
  const other = String(Number(base) + 1);
  let next = d;
  if (weight === null) {
    next = setIn(next, ['functions', fnIndex, 'aliases', 0, 'additionalVersionWeights'], undefined);
    next = setIn(next, ['functions', fnIndex, 'versions'], arr(fn.versions).filter((v) => String(v.version) !== other));
    return next;
  }
  if (!arr(fn.versions).some((v) => String(v.version) === other)) next = setIn(next, ['functions', fnIndex, 'versions'], [...arr(fn.versions), { version: other }]);
  return setIn(next, ['functions', fnIndex, 'aliases', 0, 'additionalVersionWeights'], { [other]: Math.max(0, Math.min(1, weight)) });
}

/** Short description of a traffic pattern for the editor. */
export function describePattern(p: unknown): string {
  const x = isObj(p) ? p : {};
  const rate = (r: unknown) => (typeof r === 'number' ? (r >= 1 ? `${r}/s` : r > 0 ? `one every ${Math.round(1 / r)} s` : '0/s') : '?');
  switch (x.type) {
    case 'single':
      return `one event at ${String(x.atSeconds)} s`;
    case 'constant':
      return `steady ${rate(x.ratePerSecond)}`;
    case 'poisson':
      return `random arrivals averaging ${rate(x.ratePerSecond)}`;
    case 'burst':
      return `burst of ${String(x.count)} at ${String(x.atSeconds)} s`;
    case 'steps':
      return 'rate in steps';
    case 'ramp':
      return `ramp from ${rate(x.fromRate)} to ${rate(x.toRate)}`;
    case 'daily':
      return 'daily cycle';
    case 'list':
      return 'events at listed times';
    default:
      return 'pattern';
  }
}
