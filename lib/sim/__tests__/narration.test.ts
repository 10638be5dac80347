import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@/lib/sim/types';
import { isNotable, narrate, sentence } from '../narration';

let seq = 0;
const ev = (kind: TraceEvent['kind'], t: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ seq: seq++, t, kind, text: `[0:00.000] ${kind} at ${t}`, ...extra });

describe('narration', () => {
  it('leaves out routine events and keeps notable ones', () => {
    expect(isNotable(ev('arrival', 0))).toBe(false);
    expect(isNotable(ev('invoke-start', 0))).toBe(false);
    expect(isNotable(ev('invoke-start', 0, { cold: true }))).toBe(true);
    expect(isNotable(ev('invoke-end', 0, { outcome: 'success' }))).toBe(false);
    expect(isNotable(ev('invoke-end', 0, { outcome: 'timeout' }))).toBe(true);
    expect(isNotable(ev('to-dlq', 0))).toBe(true);
  });

  it('folds an interleaved storm of throttles and drops into two counted lines', () => {
    const events: TraceEvent[] = [];
    for (let i = 0; i < 100; i++) events.push(ev('throttle', i, { reason: 'R' }), ev('dropped', i, { reason: 'throttled' }));
    const items = narrate(events, 50);
    expect(items.map((x) => [x.last.kind, x.count, x.firstT, x.last.t])).toEqual([
      ['throttle', 100, 0, 99],
      ['dropped', 100, 0, 99],
    ]);
  });

  it('keeps one line per retry and DLQ move, in order', () => {
    const items = narrate([ev('async-retry', 1, { eventId: 'a' }), ev('async-retry', 2, { eventId: 'b' }), ev('to-dlq', 3), ev('to-dlq', 4)], 10);
    expect(items.map((x) => x.count)).toEqual([1, 1, 1, 1]);
    expect(items.map((x) => x.last.t)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the newest lines when there are too many', () => {
    const items = narrate(Array.from({ length: 30 }, (_, i) => ev('to-dlq', i)), 5);
    expect(items.map((x) => x.last.t)).toEqual([25, 26, 27, 28, 29]);
  });

  it('strips the time prefix', () => {
    expect(sentence(ev('to-dlq', 0))).toBe('to-dlq at 0');
  });
});
