/** Property tests over FIFO queues, handler effects with loops, and alarms (the random cases are in random-scenarios.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainArb, fullRun } from './random-scenarios';

describe('property tests over FIFO queues, chains of functions and alarms', () => {
  it('conservation, one batch per message group, recursion limit and well-formed alarm histories', () => {
    fc.assert(
      fc.property(chainArb, (sc) => {
        const { summary, trace } = fullRun(sc);
        const e = summary.events;
        expect(e.received).toBe(e.succeeded + e.toDlq + e.toDestination + e.dropped + e.pending);
        const groups = sc.workloads![0]!.messageGroupCount!;
        expect(summary.functions.head!.maxConcurrency).toBeLessThanOrEqual(groups);
        // Messages of a group are first received in send order (m-1, m-1+g, m-1+2g …).
        const firsts = new Map<number, number[]>();
        const seen = new Set<string>();
        for (const t of trace) {
          if (t.kind !== 'sqs-receive' || t.queue !== 'orders.fifo' || !t.eventId || seen.has(t.eventId)) continue;
          seen.add(t.eventId);
          const n = Number(t.eventId.split('-')[1]);
          const g = (n - 1) % groups;
          firsts.set(g, [...(firsts.get(g) ?? []), n]);
        }
        const outOfOrder = [...firsts.values()].filter((list) => list.some((n, i) => i > 0 && n <= list[i - 1]!));
        expect(outOfOrder, 'a message group received out of send order').toEqual([]);
        // With Terminate, no chain makes more than 16 invocations: head is the first, so each message allows 15 more.
        if (sc.functions[1]!.recursiveLoop === 'Terminate') {
          const chains = summary.functions.head!.invocations * (sc.functions[0]!.effects![0] as { count: number }).count;
          expect(summary.functions.loop!.invocations).toBeLessThanOrEqual(chains * 15);
        }
        for (const a of summary.alarms) {
          for (let i = 1; i < a.history.length; i++) {
            expect(a.history[i]!.t).toBeGreaterThan(a.history[i - 1]!.t);
            expect(a.history[i]!.oldState).toBe(a.history[i - 1]!.newState);
          }
          if (a.history.length) expect(a.history.at(-1)!.newState).toBe(a.state);
        }
      }),
      { numRuns: 16, seed: 20261202 },
    );
  });
});
