/**
 * The lanes as the page holds them: cell codes (row = environment slot, column = time), applied from the
 * worker's frames outside React state so the canvas can repaint only the columns that changed.
 */
import type { SlotInfo } from '@/lib/sim/lanes';
import type { LaneUpdate } from './playback-protocol';

export class LaneBuffer {
  cols = 720;
  colMs = 1;
  fn = 0;
  /** Rows with data. */
  rows = 0;
  /** Row-major codes: codes[row * cols + col]. */
  codes = new Uint8Array(0);
  private cap = 0;
  slots: (SlotInfo | null)[] = [];
  /** Highest column with data, -1 when empty. */
  lastCol = -1;
  /** Columns changed since the painter last looked; full = repaint everything. */
  dirtyFrom = Infinity;
  dirtyTo = -1;
  full = true;
  /** Slot assignments changed since the painter last looked (row labels). */
  slotsChanged = true;
  version = 0;
  /** Virtual time of the latest frame (for the "now" cursor). */
  t = 0;
  private listeners = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private ensure(rows: number): void {
    if (rows <= this.cap) return;
    let cap = Math.max(16, this.cap);
    while (cap < rows) cap *= 2;
    const codes = new Uint8Array(cap * this.cols);
    codes.set(this.codes.subarray(0, Math.min(this.codes.length, codes.length)));
    this.codes = codes;
    this.cap = cap;
  }

  clear(cols: number, colMs: number, fn: number): void {
    this.cols = cols;
    this.colMs = colMs;
    this.fn = fn;
    this.rows = 0;
    this.cap = 0;
    this.codes = new Uint8Array(0);
    this.slots = [];
    this.lastCol = -1;
    this.full = true;
    this.slotsChanged = true;
    this.dirtyFrom = Infinity;
    this.dirtyTo = -1;
  }

  apply(u: LaneUpdate, t: number): void {
    this.t = t;
    if (u.reset || u.cols !== this.cols || u.fn !== this.fn) this.clear(u.cols, u.colMs, u.fn);
    this.colMs = u.colMs;
    for (const s of u.slots) this.slots[s.slot] = s;
    if (u.slots.length) this.slotsChanged = true;
    const c = u.chunk;
    if (c && c.to > c.from) {
      this.ensure(c.rows);
      // New rows only have cells in the columns of this chunk, which are repainted anyway.
      if (c.rows > this.rows) this.rows = c.rows;
      const cols = this.cols;
      for (let col = c.from; col < c.to; col++) {
        const base = (col - c.from) * c.rows;
        for (let r = 0; r < c.rows; r++) this.codes[r * cols + col] = c.cells[base + r]!;
      }
      if (c.from < this.dirtyFrom) this.dirtyFrom = c.from;
      if (c.to - 1 > this.dirtyTo) this.dirtyTo = c.to - 1;
      if (c.to - 1 > this.lastCol) this.lastCol = c.to - 1;
    }
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Marks everything painted. */
  markClean(): void {
    this.full = false;
    this.slotsChanged = false;
    this.dirtyFrom = Infinity;
    this.dirtyTo = -1;
  }
}
