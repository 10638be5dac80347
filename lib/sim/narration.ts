/**
 * Narration for the simulator page: which trace events deserve a sentence, and folding of repeats so a
 * storm of identical events reads as one line with a count.
 */
import type { TraceEvent, TraceKind } from '@/lib/sim/types';

/** Kinds worth a sentence in the narration (routine arrivals and warm invocations are left out). */
const NOTABLE = new Set<TraceKind>([
  'throttle',
  'async-retry',
  'client-retry',
  'to-dlq',
  'to-destination',
  'dropped',
  'sqs-redrive',
  'sqs-visible',
  'stream-retry',
  'stream-bisect',
  'stream-skip',
  'alias-shift',
  'alias-rollback',
  'config',
  'env-provisioned',
  'env-reclaimed',
  'env-recycled',
  'poller-scale',
  'alarm-state',
  'alarm-action',
  'recursion-stopped',
]);

export function isNotable(e: TraceEvent): boolean {
  return NOTABLE.has(e.kind) || (e.kind === 'invoke-start' && e.cold === true) || (e.kind === 'invoke-end' && (e.outcome === 'error' || e.outcome === 'timeout'));
}

/** The narration text without the engine's "[m:ss.sss] " prefix (the time is shown in its own column). */
export function sentence(e: TraceEvent): string {
  return e.text.replace(/^\[[^\]]*\]\s*/, '');
}

export interface NarrationItem {
  key: string;
  last: TraceEvent;
  firstT: number;
  count: number;
}

/** High-volume kinds whose repeats are folded; retries, DLQ moves and the like keep a line each. */
const FOLDED = new Set<TraceKind>(['throttle', 'dropped', 'invoke-start', 'invoke-end', 'env-reclaimed', 'env-recycled', 'client-retry', 'sqs-visible', 'poller-scale']);

/**
 * Notable events, newest last, with repeats folded: a high-volume event of the same kind (and reason) as one
 * of the last two lines updates that line ("×240 since 0:01.0") instead of adding one, so a throttle storm
 * reads as one story rather than a wall of identical sentences.
 */
export function narrate(events: readonly TraceEvent[], max: number): NarrationItem[] {
  const items: NarrationItem[] = [];
  foldInto(items, events, max);
  return items;
}

/** Adds events to a narration list in place (the page keeps one for the whole run), keeping at most `max`. */
export function foldInto(items: NarrationItem[], events: readonly TraceEvent[], max: number): void {
  for (const e of events) {
    if (!isNotable(e)) continue;
    const key = `${e.kind}|${e.reason ?? ''}|${e.outcome ?? ''}|${e.cold ? 'cold' : ''}`;
    let merged = false;
    for (let k = FOLDED.has(e.kind) ? items.length - 1 : -1; k >= Math.max(0, items.length - 2); k--) {
      const it = items[k]!;
      if (it.key === key) {
        it.last = e;
        it.count++;
        items.splice(k, 1);
        items.push(it);
        merged = true;
        break;
      }
    }
    if (!merged) items.push({ key, last: e, firstT: e.t, count: 1 });
  }
  if (items.length > max) items.splice(0, items.length - max);
}

