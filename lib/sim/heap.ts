/**
 * A binary min-heap of scheduled simulator events stored in typed arrays (no object per event).
 * Entries are ordered by time, then by insertion sequence, so two events at the same millisecond always
 * run in the order they were scheduled: that tie-break is what makes runs reproducible.
 */
import { grown } from './grow';

export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private ref: Int32Array;
  private n = 0;
  private nextSeq = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.ref = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Infinity;
  }
  peekKind(): number {
    return this.kind[0] as number;
  }
  peekRef(): number {
    return this.ref[0] as number;
  }

  push(t: number, kind: number, ref: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const kinds = this.kind;
    const refs = this.ref;
    const s = this.nextSeq++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p] as number;
      if (pt < t || (pt === t && (seq[p] as number) < s)) break;
      time[i] = pt;
      seq[i] = seq[p] as number;
      kinds[i] = kinds[p] as number;
      refs[i] = refs[p] as number;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    kinds[i] = kind;
    refs[i] = ref;
  }

  /** Removes the earliest event. Read it with peekTime/peekKind/peekRef first. */
  pop(): void {
    const n = --this.n;
    if (n <= 0) {
      this.n = Math.max(0, n);
      return;
    }
    const time = this.time;
    const seq = this.seq;
    const kinds = this.kind;
    const refs = this.ref;
    const t = time[n] as number;
    const s = seq[n] as number;
    const k = kinds[n] as number;
    const r = refs[n] as number;
    let i = 0;
    const half = n >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const rc = c + 1;
      if (rc < n) {
        const ct = time[c] as number;
        const rt = time[rc] as number;
        if (rt < ct || (rt === ct && (seq[rc] as number) < (seq[c] as number))) c = rc;
      }
      const ct = time[c] as number;
      if (t < ct || (t === ct && s < (seq[c] as number))) break;
      time[i] = ct;
      seq[i] = seq[c] as number;
      kinds[i] = kinds[c] as number;
      refs[i] = refs[c] as number;
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    kinds[i] = k;
    refs[i] = r;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = grown(this.time, cap);
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.ref = grown(this.ref, cap);
  }
}
