/** A fixed-capacity ring buffer with a monotonically increasing cursor, for traces and logs the UI polls. */
export class Ring<T> {
  private buf: (T | undefined)[];
  private head = 0; // sequence number of the next item
  constructor(readonly capacity: number) {
    this.buf = new Array<T | undefined>(Math.max(1, capacity));
  }

  /** Total items ever pushed (the cursor after the newest item). */
  get cursor(): number {
    return this.head;
  }

  push(item: T): void {
    this.buf[this.head % this.buf.length] = item;
    this.head++;
  }

  /** Items with sequence number >= cursor that are still held; `missed` counts ones overwritten before reading. */
  since(cursor: number, limit = Infinity): { items: T[]; next: number; missed: number } {
    const oldest = Math.max(0, this.head - this.buf.length);
    const from = Math.max(cursor, oldest);
    const missed = Math.max(0, oldest - cursor);
    const to = Math.min(this.head, from + limit);
    const items: T[] = [];
    for (let i = from; i < to; i++) items.push(this.buf[i % this.buf.length] as T);
    return { items, next: to, missed };
  }

  toArray(): T[] {
    return this.since(0).items;
  }
}
