/**
 * Rule 24: every event that enters the simulation ends in exactly one fate (succeeded, DLQ, destination,
 * dropped) or is still pending. This ledger counts arrivals and fates, with reasons for the failures;
 * the engine's invariant check compares it with the pending work.
 */
import { SOURCES } from '../schema';
import type { EventTotals } from '../types';

/** What sources may do with the ledger: record arrivals and fates, never rewrite the counts. */
export interface FateRecorder {
  /** `src` is the index of the source in SOURCES (WorkloadRt.src, or sourceIndex()). */
  received(src: number, n: number): void;
  succeeded(src: number, n: number): void;
  toDlq(reason: string, n: number): void;
  toDestination(reason: string, n: number): void;
  dropped(reason: string, n: number): void;
}

export class Fates implements FateRecorder {
  receivedTotal = 0;
  succeededTotal = 0;
  dlqTotal = 0;
  destinationTotal = 0;
  droppedTotal = 0;
  /** Per-source counts, indexed like SOURCES (numeric arrays: these are updated for every event). */
  readonly receivedBySource = new Float64Array(SOURCES.length);
  readonly succeededBySource = new Float64Array(SOURCES.length);
  readonly dlqReasons = new Map<string, number>();
  readonly destReasons = new Map<string, number>();
  readonly dropReasons = new Map<string, number>();

  received(src: number, n: number): void {
    this.receivedTotal += n;
    this.receivedBySource[src]! += n;
  }
  succeeded(src: number, n: number): void {
    this.succeededTotal += n;
    this.succeededBySource[src]! += n;
  }
  toDlq(reason: string, n: number): void {
    this.dlqTotal += n;
    this.dlqReasons.set(reason, (this.dlqReasons.get(reason) ?? 0) + n);
  }
  toDestination(reason: string, n: number): void {
    this.destinationTotal += n;
    this.destReasons.set(reason, (this.destReasons.get(reason) ?? 0) + n);
  }
  dropped(reason: string, n: number): void {
    this.droppedTotal += n;
    this.dropReasons.set(reason, (this.dropReasons.get(reason) ?? 0) + n);
  }

  /** Events that reached a fate. */
  get settled(): number {
    return this.succeededTotal + this.dlqTotal + this.destinationTotal + this.droppedTotal;
  }

  /** The ledger's totals as the summary and snapshots report them, beside the engine's count of pending work. */
  totals(pending: number): EventTotals {
    return { received: this.receivedTotal, succeeded: this.succeededTotal, toDlq: this.dlqTotal, toDestination: this.destinationTotal, dropped: this.droppedTotal, pending };
  }
}
