/**
 * A free-list pool of records that are created per event (invocations, requests, async events, SQS batches).
 * Records are reused rather than allocated, so a long run does not churn the garbage collector; a record's
 * slot is its index here and is what scheduled events carry.
 */
export class Pool<T> {
  private readonly items: T[] = [];
  private readonly free: number[] = [];

  /** `make(slot)` builds a new record when no free one is left; it is called only while the pool grows. */
  constructor(private readonly make: (slot: number) => T) {}

  /** A free record (its fields are whatever its last user left: the caller sets them). */
  acquire(): T {
    const slot = this.free.pop();
    if (slot !== undefined) return this.items[slot]!;
    const item = this.make(this.items.length);
    this.items.push(item);
    return item;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  at(slot: number): T {
    return this.items[slot]!;
  }

  /** Records ever created (the pool's high-water mark). */
  get size(): number {
    return this.items.length;
  }

  /** Records acquired and not released. */
  get live(): number {
    return this.items.length - this.free.length;
  }
}
