/**
 * A documented subset of CloudWatch Logs Insights over the simulated logs (docs/cli.md lists it):
 *
 *   fields a, b            keep these fields (the default is @timestamp, @message)
 *   filter <cond>          cond: field like /regex/ | field like "text" | field (=|!=|<|<=|>|>=) value,
 *                          joined with "and" / "or", "not" before a condition
 *   parse field "glob * glob" as a, b      or   parse field /(?<name>regex)/
 *   stats fn(x) [as name], … [by field, bin(5m)]   fn: count, sum, avg, min, max
 *   sort field [asc|desc]
 *   limit n
 *
 * Lambda's REPORT lines get the discovered fields @type, @duration, @billedDuration, @memorySize,
 * @maxMemoryUsed and @initDuration, as in CloudWatch.
 */
import type { CommandDef } from './command';
import { ServiceError } from './errors';
import { logEvents, requireLogGroup } from './cloudwatch';
import type { Session } from './session';
import { REPORT_RE } from '../sim/logs';

type Value = string | number | null;
type Row = Record<string, Value>;

const malformed = (m: string) => new ServiceError('MalformedQueryException', m);

interface Cond {
  field: string;
  op: string;
  value: string | RegExp;
  not: boolean;
}
type Stage =
  | { k: 'fields'; fields: string[] }
  | { k: 'filter'; any: Cond[][] }
  | { k: 'parse'; field: string; re: RegExp; names: string[] }
  | { k: 'stats'; aggs: { fn: string; arg: string; as: string }[]; by: string[] }
  | { k: 'sort'; field: string; desc: boolean }
  | { k: 'limit'; n: number };

function splitPipes(q: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const c of q) {
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
    } else if (c === '"' || c === "'" || c === '/') {
      // A slash starts a regex only after "like" or in parse; treat it as a quote in both.
      if (c === '/' && !/(like|parse\s+\S+)\s*$/.test(cur)) cur += c;
      else {
        quote = c;
        cur += c;
      }
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function parseCond(text: string): Cond {
  let t = text.trim();
  let not = false;
  if (/^not\s+/i.test(t)) {
    not = true;
    t = t.replace(/^not\s+/i, '');
  }
  const like = /^(\S+)\s+(not\s+)?like\s+(\/(.*)\/(i?)|"(.*)"|'(.*)')$/i.exec(t);
  if (like) return { field: like[1]!, op: 'like', value: like[4] !== undefined ? new RegExp(like[4], like[5]) : (like[6] ?? like[7]!), not: not !== !!like[2] };
  const cmp = /^(\S+)\s*(=|!=|<=|>=|<|>)\s*(.+)$/.exec(t);
  if (cmp) return { field: cmp[1]!, op: cmp[2]!, value: cmp[3]!.replace(/^["'](.*)["']$/, '$1'), not };
  throw malformed(`unexpected filter condition: ${text}`);
}

export function parseQuery(q: string): Stage[] {
  const stages: Stage[] = [];
  for (const part of splitPipes(q)) {
    const m = /^(\w+)\s*(.*)$/s.exec(part);
    if (!m) throw malformed(`unexpected symbol at "${part}"`);
    const cmd = m[1]!.toLowerCase();
    const rest = m[2]!.trim();
    if (cmd === 'fields' || cmd === 'display') stages.push({ k: 'fields', fields: list(rest) });
    else if (cmd === 'filter') stages.push({ k: 'filter', any: rest.split(/\s+or\s+/i).map((alt) => alt.split(/\s+and\s+/i).map(parseCond)) });
    else if (cmd === 'parse') {
      const g = /^(\S+)\s+"(.*)"\s+as\s+(.+)$/.exec(rest);
      const r = /^(\S+)\s+\/(.*)\/$/.exec(rest);
      if (g) {
        const names = list(g[3]!);
        const re = new RegExp(g[2]!.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)') + '$');
        stages.push({ k: 'parse', field: g[1]!, re, names });
      } else if (r) {
        const re = new RegExp(r[2]!);
        stages.push({ k: 'parse', field: r[1]!, re, names: [...r[2]!.matchAll(/\(\?<(\w+)>/g)].map((x) => x[1]!) });
      } else throw malformed(`parse needs a field and "pattern with *" as names, or /regex with (?<name>…)/: ${rest}`);
    } else if (cmd === 'stats') {
      const [aggText, byText] = rest.split(/\s+by\s+/i) as [string, string | undefined];
      const aggs = list(aggText).map((a) => {
        const am = /^(count|sum|avg|min|max)\(([^)]*)\)(?:\s+as\s+(\S+))?$/i.exec(a);
        if (!am) throw malformed(`unsupported stats function: ${a} (use count, sum, avg, min or max)`);
        return { fn: am[1]!.toLowerCase(), arg: am[2]!.trim() || '*', as: am[3] ?? `${am[1]!.toLowerCase()}(${am[2]!.trim()})` };
      });
      stages.push({ k: 'stats', aggs, by: byText ? list(byText) : [] });
    } else if (cmd === 'sort') {
      const sm = /^(\S+)(?:\s+(asc|desc))?$/i.exec(rest);
      if (!sm) throw malformed(`sort needs a field: ${rest}`);
      stages.push({ k: 'sort', field: sm[1]!, desc: (sm[2] ?? 'asc').toLowerCase() === 'desc' });
    } else if (cmd === 'limit') {
      const n = Number(rest);
      if (!Number.isInteger(n) || n < 1 || n > 10000) throw malformed('limit must be 1–10000');
      stages.push({ k: 'limit', n });
    } else throw malformed(`unsupported command "${cmd}": this simulator supports fields, filter, parse, stats, sort and limit`);
  }
  return stages;
}

function binValue(field: string, row: Row): Value {
  const b = /^bin\((\d+)(s|m|h)\)$/.exec(field);
  if (!b) return row[field] ?? null;
  const ms = Number(b[1]) * (b[2] === 's' ? 1000 : b[2] === 'm' ? 60_000 : 3_600_000);
  const t = Date.parse(String(row['@timestamp']).replace(' ', 'T') + 'Z');
  return new Date(Math.floor(t / ms) * ms).toISOString().replace('T', ' ').replace('Z', '');
}

function test(c: Cond, row: Row): boolean {
  const v = row[c.field];
  let r: boolean;
  if (c.op === 'like') r = v !== null && v !== undefined && (c.value instanceof RegExp ? c.value.test(String(v)) : String(v).includes(c.value));
  else {
    const num = Number(c.value);
    const both = typeof v === 'number' && Number.isFinite(num);
    const a = both ? (v as number) : String(v ?? '');
    const b = both ? num : String(c.value);
    r = c.op === '=' ? a === b : c.op === '!=' ? a !== b : c.op === '<' ? a < b : c.op === '<=' ? a <= b : c.op === '>' ? a > b : a >= b;
    if (v === null || v === undefined) r = c.op === '!=';
  }
  return c.not ? !r : r;
}

export function runQuery(rows: Row[], stages: Stage[]): Row[] {
  let cur = rows;
  let fields: string[] | null = null;
  for (const st of stages) {
    if (st.k === 'fields') fields = st.fields;
    else if (st.k === 'filter') cur = cur.filter((r) => st.any.some((all) => all.every((c) => test(c, r))));
    else if (st.k === 'parse')
      cur = cur.map((r) => {
        const m = st.re.exec(String(r[st.field] ?? ''));
        if (!m) return r;
        const out = { ...r };
        st.names.forEach((n, i) => {
          const v = m.groups?.[n] ?? m[i + 1] ?? null;
          out[n] = v !== null && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v;
        });
        return out;
      });
    else if (st.k === 'stats') {
      const groups = new Map<string, Row[]>();
      for (const r of cur) {
        const key = JSON.stringify(st.by.map((b) => binValue(b, r)));
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      cur = [...groups.entries()].map(([key, rs]) => {
        const out: Row = {};
        const keys = JSON.parse(key) as Value[];
        st.by.forEach((b, i) => (out[b] = keys[i] ?? null));
        for (const a of st.aggs) {
          const nums = rs.map((r) => (a.arg === '*' ? 1 : r[a.arg])).filter((v): v is number => typeof v === 'number');
          const present = a.arg === '*' ? rs.length : rs.filter((r) => r[a.arg] !== null && r[a.arg] !== undefined).length;
          out[a.as] =
            a.fn === 'count' ? present : !nums.length ? null : a.fn === 'sum' ? nums.reduce((x, y) => x + y, 0) : a.fn === 'avg' ? nums.reduce((x, y) => x + y, 0) / nums.length : a.fn === 'min' ? Math.min(...nums) : Math.max(...nums);
        }
        return out;
      });
      fields = [...st.by, ...st.aggs.map((a) => a.as)];
    } else if (st.k === 'sort') {
      const f = st.field;
      cur = [...cur].sort((x, y) => {
        const a = x[f] ?? '';
        const b = y[f] ?? '';
        const c = a < b ? -1 : a > b ? 1 : 0;
        return st.desc ? -c : c;
      });
    } else cur = cur.slice(0, st.n);
  }
  const keep = fields ?? ['@timestamp', '@message'];
  return cur.map((r) => Object.fromEntries(keep.map((k) => [k, r[k] ?? null])));
}

/** One simulated log line as a Logs Insights record, with Lambda's discovered fields. */
function recordOf(s: Session, l: { t: number; message: string; logStream: string; logGroup: string; requestId: string }): Row {
  const ts = s.iso(l.t).replace('T', ' ').replace('Z', '');
  const row: Row = { '@timestamp': ts, '@message': l.message, '@logStream': l.logStream, '@log': `${s.account}:${l.logGroup}`, '@requestId': l.requestId || null };
  const m = REPORT_RE.exec(l.message);
  if (m) Object.assign(row, { '@type': 'REPORT', '@duration': Number(m[2]), '@billedDuration': Number(m[3]), '@memorySize': Number(m[4]) * 1_000_000, '@maxMemoryUsed': Number(m[5]) * 1_000_000, '@initDuration': m[6] !== undefined ? Number(m[6]) : null });
  else if (l.message.startsWith('START ')) row['@type'] = 'START';
  else if (l.message.startsWith('END ')) row['@type'] = 'END';
  return row;
}

const startQuery: CommandDef = {
  service: 'logs',
  name: 'start-query',
  operation: 'StartQuery',
  options: [
    { name: 'log-group-name', type: 'string' },
    { name: 'log-group-names', type: 'strings' },
    { name: 'start-time', type: 'integer', required: true },
    { name: 'end-time', type: 'integer', required: true },
    { name: 'query-string', type: 'string', required: true },
    { name: 'limit', type: 'integer' },
  ],
  run(s, a) {
    const groups = [...(a['log-group-name'] !== undefined ? [String(a['log-group-name'])] : []), ...((a['log-group-names'] as string[] | undefined) ?? [])];
    if (!groups.length) throw new ServiceError('InvalidParameterException', 'Either logGroupNames, logGroupIdentifiers or a SOURCE command in the query must be specified.');
    for (const g of groups) requireLogGroup(s, g);
    const start = Number(a['start-time']);
    const end = Number(a['end-time']);
    if (end < start) throw new ServiceError('InvalidParameterException', 'End time should not be before the start time');
    let q = String(a['query-string']);
    if (a.limit !== undefined) q += ` | limit ${Number(a.limit)}`;
    parseQuery(q);
    const id = s.uuid();
    s.state.queries[id] = { query: q, logGroups: groups, startTime: start, endTime: end, at: s.state.nowMs };
    return { queryId: id };
  },
};

const getQueryResults: CommandDef = {
  service: 'logs',
  name: 'get-query-results',
  operation: 'GetQueryResults',
  options: [{ name: 'query-id', type: 'string', required: true }],
  run(s, a) {
    const q = s.state.queries[String(a['query-id'])];
    if (!q) throw new ServiceError('ResourceNotFoundException', 'The specified query does not exist.');
    const from = q.startTime * 1000 - s.startEpochMs;
    const to = q.endTime * 1000 - s.startEpochMs;
    const lines = logEvents(s).filter((l) => q.logGroups.includes(l.logGroup) && l.t >= from && l.t <= to && l.t <= q.at);
    const rows = lines.map((l) => recordOf(s, l));
    // Without a sort or stats, Logs Insights returns the newest events first.
    const stages = parseQuery(q.query);
    const ordered = stages.some((x) => x.k === 'sort' || x.k === 'stats') ? rows : rows.reverse();
    const limited = stages.some((x) => x.k === 'limit') ? stages : [...stages, { k: 'limit' as const, n: 10000 }];
    const out = runQuery(ordered, limited);
    const bytes = lines.reduce((n, l) => n + l.message.length, 0);
    return {
      results: out.map((r) => Object.entries(r).filter(([, v]) => v !== null).map(([field, value]) => ({ field, value: String(value) }))),
      statistics: { recordsMatched: out.length, recordsScanned: lines.length, bytesScanned: bytes },
      status: 'Complete',
    };
  },
};

export const INSIGHTS_COMMANDS: CommandDef[] = [startQuery, getQueryResults];
