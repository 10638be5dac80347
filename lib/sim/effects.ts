/**
 * Handler effects and recursive loop detection. A function can send messages to a queue, publish to an SNS
 * topic or write to an S3 bucket when an invocation succeeds, so chains of functions, and loops, can be built.
 *
 * Lambda tracks a request chain through Lambda, SQS, SNS and S3 with a counter in the tracing header. When
 * an event would make one chain's 17th invocation (about 16, AWS says), Lambda stops it unless the function's
 * RecursiveLoop is Allow: an async event goes to its DLQ / on-failure destination if there is one, an SQS
 * message to the source queue's DLQ if there is one, and RecursiveInvocationsDropped counts the stop.
 * Simulator choices: effects happen at the end of a successful (or partially successful) invocation, the
 * counter is the number of invocations before this event in its chain (stream records start new chains), and
 * an SNS topic or bucket used as a DLQ or destination does not fan out to its subscribers.
 */
import type { SourcePort } from './engine/port';
import type { EffectRt, FnState, Inv, WorkloadRt } from './model';
import type { SourceType } from './schema';
import { asyncArrival } from './sources/async';
import { sqsArrival } from './sources/sqs';

/** Invocations one request chain may make before Lambda stops the next one. */
export const RECURSION_LIMIT = 16;

/** True when an event with this lineage must not invoke fn (recursive loop detection). */
export function recursionStops(fn: FnState, lineage: number): boolean {
  return lineage >= RECURSION_LIMIT && fn.recursionTerminate;
}

/** Counts one stopped invocation (RecursiveInvocationsDropped) and narrates it. */
export function noteRecursionDrop(e: SourcePort, fn: FnState, what: string): void {
  fn.recDropped++;
  e.metrics.recDropped[fn.idx]! += 1;
  if (e.trace)
    e.tr('recursion-stopped', `Recursive loop detected: ${what} would be invocation ${RECURSION_LIMIT + 1} of one request chain, so Lambda stopped it (RecursiveLoop Terminate; RecursiveInvocationsDropped)`, {
      function: fn.name,
      reason: 'recursive-loop-terminated',
    });
}

function internalWorkload(e: SourcePort, source: SourceType, target: string, name: string): WorkloadRt {
  // A workload with no arrivals of its own: it only numbers the events the handler creates.
  return e.addWorkload({ name, source, target, pattern: { type: 'list', events: [{ atSeconds: 0, count: 1 }] } }, name, 0, 0, `effect:${name}`);
}

function compile(e: SourcePort, fn: FnState): EffectRt[] {
  return fn.cfg.effects.map((ef) => {
    if (ef.type === 'sqs-send') return { type: ef.type, count: ef.count, queueWl: internalWorkload(e, 'sqs', ef.queue, `${fn.name}-to-${ef.queue.replace('.fifo', '')}`), sink: null, subscriberWls: [] };
    const sinkName = ef.type === 'sns-publish' ? ef.topic : ef.bucket;
    const dest = e.sc.destinations.find((d) => d.name === sinkName)!;
    const refs = (ef.type === 'sns-publish' ? dest.subscriptions : dest.notifications) ?? [];
    const source: SourceType = ef.type === 'sns-publish' ? 'sns' : 's3';
    return {
      type: ef.type,
      count: ef.count,
      queueWl: null,
      sink: e.sinkByName.get(sinkName) ?? null,
      subscriberWls: refs.map((ref) => internalWorkload(e, source, ref, `${sinkName}-${ref.replace(':', '-')}`)),
    };
  });
}

/** Runs fn's effects for a finished invocation; new events carry the invocation's lineage plus one. */
export function runEffects(e: SourcePort, inv: Inv): void {
  const fn = inv.fn;
  if (fn.effectsRt === null) fn.effectsRt = compile(e, fn);
  const lineage = inv.lineage + 1;
  for (const ef of fn.effectsRt) {
    if (ef.queueWl !== null) {
      const wl = ef.queueWl;
      const first = wl.ids.next;
      wl.ids.next += ef.count;
      sqsArrival(e, wl, first, ef.count, lineage);
      continue;
    }
    for (let k = 0; k < ef.count; k++) {
      if (ef.sink !== null)
        e.deliver(ef.sink, () => ({ source: fn.name, type: ef.type === 'sns-publish' ? 'Notification' : 'ObjectCreated:Put', time: e.iso(e.now) }));
      for (const wl of ef.subscriberWls) {
        const seq = wl.ids.next++;
        asyncArrival(e, wl, seq, lineage);
      }
    }
  }
}
