/**
 * Output the way AWS CLI v2 prints it: `json` (4-space indent), `text` (tab-separated, nested keys as
 * upper-case row identifiers) and `table` (boxed, titled with the operation), after an optional --query
 * (JMESPath, @jmespath-community/jmespath).
 */
import { search } from '@jmespath-community/jmespath';
import { UsageError } from './errors';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function applyQuery(data: unknown, query: string | undefined): unknown {
  if (query === undefined) return data;
  try {
    return search(data as Json, query);
  } catch (err) {
    throw new UsageError(`Bad value for --query ${query}: ${(err as Error).message}`);
  }
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';
const scalarText = (v: unknown) => (v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

export function formatJson(v: unknown): string {
  return JSON.stringify(v, null, 4);
}

export function formatText(v: unknown): string {
  const lines: string[] = [];
  const walk = (x: unknown, ident: string | null) => {
    if (isScalar(x)) {
      lines.push(ident ? `${ident}\t${scalarText(x)}` : scalarText(x));
      return;
    }
    if (Array.isArray(x)) {
      if (x.every(isScalar)) {
        lines.push([...(ident ? [ident] : []), ...x.map(scalarText)].join('\t'));
        return;
      }
      for (const item of x) walk(item, ident);
      return;
    }
    const o = x as Record<string, unknown>;
    const scalars = Object.keys(o)
      .filter((k) => isScalar(o[k]))
      .sort();
    if (scalars.length) lines.push([...(ident ? [ident] : []), ...scalars.map((k) => scalarText(o[k]))].join('\t'));
    for (const k of Object.keys(o).filter((k) => !isScalar(o[k]))) {
      const child = o[k];
      if (Array.isArray(child) && child.every(isScalar)) lines.push([k.toUpperCase(), ...child.map(scalarText)].join('\t'));
      else walk(child, k.toUpperCase());
    }
  };
  walk(v, null);
  return lines.join('\n');
}

/** A boxed table: scalars as key | value rows, lists of objects as columns, nested values as sub-tables. */
export function formatTable(v: unknown, title: string): string {
  const out: string[] = [];
  const box = (heading: string, rows: string[][], header: string[] | null) => {
    const cols = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
    const widths = Array.from({ length: cols }, (_, i) => Math.max(...[...(header ? [header] : []), ...rows].map((r) => (r[i] ?? '').length), 1));
    const inner = Math.max(widths.reduce((a, b) => a + b + 3, -1), heading.length + 2);
    // Stretch the last column so the heading fits.
    const extra = inner - widths.reduce((a, b) => a + b + 3, -1);
    widths[cols - 1]! += extra;
    const line = (cells: string[], center = false) => `|${cells.map((c, i) => ` ${center ? c.padStart(Math.floor((widths[i]! + c.length) / 2)).padEnd(widths[i]!) : c.padEnd(widths[i]!)} `).join('|')}|`;
    out.push(`-${'-'.repeat(inner)}-`);
    out.push(`|${heading.padStart(Math.floor((inner + heading.length) / 2)).padEnd(inner)}|`);
    out.push(`+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`);
    if (header) {
      out.push(line(header, true));
      out.push(`+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`);
    }
    for (const r of rows) out.push(line(Array.from({ length: cols }, (_, i) => r[i] ?? '')));
    out.push(`+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`);
  };
  const walk = (x: unknown, heading: string) => {
    if (isScalar(x)) {
      box(heading, [[scalarText(x)]], null);
      return;
    }
    if (Array.isArray(x)) {
      if (x.every(isScalar)) {
        box(heading, x.map((i) => [scalarText(i)]), null);
        return;
      }
      const objs = x.filter((i) => !isScalar(i) && !Array.isArray(i)) as Record<string, unknown>[];
      const keys = [...new Set(objs.flatMap((o) => Object.keys(o).filter((k) => isScalar(o[k]))))];
      if (keys.length) box(heading, objs.map((o) => keys.map((k) => (o[k] === undefined ? '' : scalarText(o[k])))), keys);
      for (const o of objs) for (const k of Object.keys(o).filter((k) => !isScalar(o[k]))) walk(o[k], k);
      return;
    }
    const o = x as Record<string, unknown>;
    const scalars = Object.keys(o).filter((k) => isScalar(o[k]));
    if (scalars.length) box(heading, scalars.map((k) => [k, scalarText(o[k])]), null);
    else {
      out.push(`-${'-'.repeat(heading.length + 2)}-`);
      out.push(`| ${heading} |`);
      out.push(`+${'-'.repeat(heading.length + 2)}+`);
    }
    for (const k of Object.keys(o).filter((k) => !isScalar(o[k]))) walk(o[k], k);
  };
  walk(v, title);
  return out.join('\n');
}

export function formatOutput(v: unknown, output: 'json' | 'text' | 'table', title: string): string {
  if (output === 'text') return formatText(v);
  if (output === 'table') return formatTable(v, title);
  return formatJson(v);
}
