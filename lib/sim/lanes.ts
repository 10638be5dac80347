/**
 * Execution-environment lanes for the simulator page: a raster of (environment slot × time column) cells,
 * one byte each, covering the whole run. The page draws it on a canvas; this module decides what each cell
 * means, from periodic samples of the live environments, so no component holds simulation logic.
 *
 * Sampling, not tracing: the recorder is fed the live environments a few times per column (at least at each
 * column's end). A cell shows the most telling state seen during its column (INIT > busy > idle), a column
 * in which an environment served a request shows busy even if it was idle at both samples, and a slot whose
 * environment disappeared shows "reclaimed" in the column where it went. Slots are reused lowest-first, so
 * rows stay compact over a long run.
 */

import { grown } from './grow';

export const CELL_EMPTY = 0;
export const CELL_IDLE = 1;
export const CELL_BUSY = 2;
export const CELL_INIT = 3;
export const CELL_GONE = 4;
/** Added to idle/busy/init for a provisioned-concurrency environment. */
export const CELL_PROVISIONED = 8;

/** State of one live environment as the recorder reads it. */
export interface LaneEnv {
  id: number;
  state: 'init' | 'busy' | 'idle';
  /** Virtual ms when the current state began. */
  since: number;
  createdAt: number;
  requests: number;
  /** Truthy for a provisioned-concurrency environment (a snapshot's qualifier string works as is). */
  provisioned: boolean | string | null;
  version: string;
}

export interface SlotInfo {
  slot: number;
  envId: number;
  version: string;
  provisioned: boolean;
}

/** Columns [from, to) for slots [0, rows), column-major (column c's cells start at (c - from) * rows). */
export interface LaneChunk {
  from: number;
  to: number;
  rows: number;
  cells: Uint8Array;
}

const rank = (code: number) => [0, 1, 2, 3, 4][code & 7] ?? 0;

export class LaneRecorder {
  readonly cols: number;
  readonly colMs: number;
  /** Slots ever used (the number of rows to draw). */
  rows = 0;
  private cap: number;
  private cells: Uint8Array;
  private slotEnv: Int32Array;
  private lastReq: Float64Array;
  private seenStamp: Uint32Array;
  private stamp = 0;
  private readonly slotOf = new Map<number, number>();
  private readonly meta: (SlotInfo | null)[] = [];
  private readonly freeSlots: number[] = [];
  /** Slot assignments since the last takeSlotChanges(). */
  private changes: SlotInfo[] = [];
  /** Lowest column written since the last takeChunk(). */
  private dirtyFrom = Infinity;
  private dirtyTo = -1;

  constructor(
    endMs: number,
    cols = 720,
    readonly maxRows = 2048,
  ) {
    this.cols = Math.max(1, Math.floor(cols));
    this.colMs = Math.max(1e-3, endMs / this.cols);
    this.cap = 16;
    this.cells = new Uint8Array(this.cols * this.cap);
    this.slotEnv = new Int32Array(this.cap).fill(-1);
    this.lastReq = new Float64Array(this.cap);
    this.seenStamp = new Uint32Array(this.cap);
  }

  /** Column holding time t (the last column for t at or past the end). */
  colAt(t: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor(t / this.colMs + 1e-9)));
  }

  /** End time of column c. */
  colEnd(c: number): number {
    return (c + 1) * this.colMs;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const cells = new Uint8Array(this.cols * cap);
    for (let c = 0; c < this.cols; c++) cells.set(this.cells.subarray(c * this.cap, c * this.cap + this.cap), c * cap);
    // The new slots hold no environment yet.
    this.slotEnv = grown(this.slotEnv, cap).fill(-1, this.cap);
    this.lastReq = grown(this.lastReq, cap);
    this.seenStamp = grown(this.seenStamp, cap);
    this.cap = cap;
    this.cells = cells;
  }

  private assign(env: LaneEnv): number {
    let slot: number;
    if (this.freeSlots.length > 0) {
      // Lowest free slot first keeps busy rows near the top.
      let best = 0;
      for (let i = 1; i < this.freeSlots.length; i++) if (this.freeSlots[i]! < this.freeSlots[best]!) best = i;
      slot = this.freeSlots[best]!;
      this.freeSlots[best] = this.freeSlots[this.freeSlots.length - 1]!;
      this.freeSlots.pop();
    } else {
      if (this.rows >= this.maxRows) return -1;
      slot = this.rows++;
      if (slot >= this.cap) this.grow();
    }
    this.slotOf.set(env.id, slot);
    this.slotEnv[slot] = env.id;
    this.lastReq[slot] = env.requests;
    const info: SlotInfo = { slot, envId: env.id, version: env.version, provisioned: !!env.provisioned };
    this.meta[slot] = info;
    this.changes.push(info);
    return slot;
  }

  private write(col: number, slot: number, code: number, merge: boolean): void {
    const i = col * this.cap + slot;
    const old = this.cells[i]!;
    if (merge && old !== CELL_EMPTY && old !== CELL_GONE && rank(old) >= rank(code)) return;
    this.cells[i] = code;
    if (col < this.dirtyFrom) this.dirtyFrom = col;
    if (col > this.dirtyTo) this.dirtyTo = col;
  }

  /**
   * Records the environments live at virtual time t. Call it at least at the end of every column (t equal to
   * colEnd(c) closes column c) and as often as you like in between; samples within a column merge.
   */
  sample(t: number, envs: Iterable<LaneEnv>): void {
    // A sample exactly at a column's end belongs to that column, not the next.
    // (The epsilon keeps floating-point noise at a column's end from spilling into the next column.)
    const col = Math.min(this.cols - 1, Math.max(0, Math.ceil(t / this.colMs - 1e-9) - 1));
    const colStart = col * this.colMs;
    const stamp = ++this.stamp;
    for (const env of envs) {
      let slot = this.slotOf.get(env.id);
      const fresh = slot === undefined;
      if (slot === undefined) {
        slot = this.assign(env);
        if (slot < 0) continue;
      }
      this.seenStamp[slot] = stamp;
      let code: number;
      const provisioned = !!env.provisioned;
      if (env.state === 'init' || (env.createdAt > colStart && env.createdAt <= t && !provisioned)) code = CELL_INIT;
      else if (env.state === 'busy' || env.since > colStart || env.requests > this.lastReq[slot]! || (fresh && env.requests > 0)) code = CELL_BUSY;
      else code = CELL_IDLE;
      this.lastReq[slot] = env.requests;
      if (provisioned) code += CELL_PROVISIONED;
      this.write(col, slot, code, !fresh);
    }
    // Environments not seen any more were reclaimed, recycled or reset: mark the column and free the slot.
    for (let slot = 0; slot < this.rows; slot++) {
      const id = this.slotEnv[slot]!;
      if (id < 0 || this.seenStamp[slot] === stamp) continue;
      this.write(col, slot, CELL_GONE, false);
      this.slotOf.delete(id);
      this.slotEnv[slot] = -1;
      this.meta[slot] = null;
      this.freeSlots.push(slot);
    }
  }

  /** Cell at (column, slot), for tests and the table view. */
  cell(col: number, slot: number): number {
    return slot < this.rows ? this.cells[col * this.cap + slot]! : CELL_EMPTY;
  }

  /** Slot of a live environment, or -1. */
  slotOfEnv(envId: number): number {
    return this.slotOf.get(envId) ?? -1;
  }

  /** Current slot assignments (live environments only). */
  slots(): SlotInfo[] {
    return this.meta.filter((m): m is SlotInfo => m !== null);
  }

  /** Slot assignments made since the last call. */
  takeSlotChanges(): SlotInfo[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  /** Columns written since the last call (a copy, safe to transfer to another thread), or null. */
  takeChunk(): LaneChunk | null {
    if (this.dirtyTo < 0) return null;
    const chunk = this.chunk(this.dirtyFrom, this.dirtyTo + 1);
    this.dirtyFrom = Infinity;
    this.dirtyTo = -1;
    return chunk;
  }

  /** Columns [from, to) for every used slot. */
  chunk(from: number, to: number): LaneChunk {
    const rows = this.rows;
    const n = Math.max(0, to - from);
    const cells = new Uint8Array(n * rows);
    for (let c = 0; c < n; c++) {
      const base = (from + c) * this.cap;
      cells.set(this.cells.subarray(base, base + rows), c * rows);
    }
    return { from, to: from + n, rows, cells };
  }
}
