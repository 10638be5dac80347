import { describe, expect, it } from 'vitest';
import { CELL_BUSY, CELL_EMPTY, CELL_GONE, CELL_IDLE, CELL_INIT, CELL_PROVISIONED, LaneRecorder, type LaneEnv } from '../lanes';

const env = (id: number, over: Partial<LaneEnv> = {}): LaneEnv => ({ id, state: 'idle', since: 0, createdAt: 0, requests: 0, provisioned: false, version: '$LATEST', ...over });

describe('LaneRecorder', () => {
  it('divides the run into columns', () => {
    const r = new LaneRecorder(10_000, 100);
    expect(r.colMs).toBe(100);
    expect(r.colAt(0)).toBe(0);
    expect(r.colAt(250)).toBe(2);
    expect(r.colAt(99_999)).toBe(99);
    expect(r.colEnd(2)).toBe(300);
  });

  it('shows INIT for a new environment, then busy, then idle', () => {
    const r = new LaneRecorder(1000, 10); // 100 ms columns
    r.sample(50, [env(1, { state: 'init', createdAt: 20, since: 20 })]);
    r.sample(100, [env(1, { state: 'busy', createdAt: 20, since: 90, requests: 1 })]);
    r.sample(200, [env(1, { state: 'busy', createdAt: 20, since: 90, requests: 1 })]);
    r.sample(300, [env(1, { state: 'idle', createdAt: 20, since: 250, requests: 1 })]);
    r.sample(400, [env(1, { state: 'idle', createdAt: 20, since: 250, requests: 1 })]);
    expect(r.rows).toBe(1);
    expect([0, 1, 2, 3, 4].map((c) => r.cell(c, 0))).toEqual([CELL_INIT, CELL_BUSY, CELL_BUSY, CELL_IDLE, CELL_EMPTY]);
  });

  it('marks a column busy when a short request ran between samples', () => {
    const r = new LaneRecorder(1000, 10);
    r.sample(100, [env(1, { requests: 3 })]);
    r.sample(200, [env(1, { requests: 4, since: 50 })]); // idle at both samples, but served one more request
    r.sample(300, [env(1, { requests: 4, since: 50 })]);
    expect([r.cell(1, 0), r.cell(2, 0)]).toEqual([CELL_BUSY, CELL_IDLE]);
  });

  it('merges samples within a column, keeping the most telling state', () => {
    const r = new LaneRecorder(1000, 10);
    r.sample(30, [env(1, { state: 'busy', since: 10, requests: 1 })]);
    r.sample(60, [env(1, { state: 'idle', since: 40, requests: 1 })]);
    r.sample(100, [env(1, { state: 'idle', since: 40, requests: 1 })]);
    expect(r.cell(0, 0)).toBe(CELL_BUSY);
  });

  it('marks reclaimed environments and reuses the lowest free slot', () => {
    const r = new LaneRecorder(1000, 10);
    r.sample(100, [env(1), env(2), env(3)]);
    r.sample(200, [env(1), env(3)]);
    expect(r.cell(1, 1)).toBe(CELL_GONE);
    expect(r.slotOfEnv(2)).toBe(-1);
    r.sample(300, [env(1), env(3), env(7, { state: 'init', createdAt: 250, since: 250 })]);
    expect(r.slotOfEnv(7)).toBe(1);
    expect(r.cell(2, 1)).toBe(CELL_INIT);
    expect(r.rows).toBe(3);
  });

  it('flags provisioned environments', () => {
    const r = new LaneRecorder(1000, 10);
    r.sample(100, [env(1, { provisioned: true }), env(2, { provisioned: true, state: 'busy', since: 20, requests: 1 })]);
    expect(r.cell(0, 0)).toBe(CELL_IDLE + CELL_PROVISIONED);
    expect(r.cell(0, 1)).toBe(CELL_BUSY + CELL_PROVISIONED);
    expect(r.slots().every((s) => s.provisioned)).toBe(true);
  });

  it('grows past its initial capacity without losing cells, and caps rows', () => {
    const r = new LaneRecorder(1000, 10, 100);
    const many = Array.from({ length: 150 }, (_, i) => env(i, { state: 'busy', since: 10, requests: 1 }));
    r.sample(100, many);
    expect(r.rows).toBe(100);
    expect(r.cell(0, 0)).toBe(CELL_BUSY);
    expect(r.cell(0, 99)).toBe(CELL_BUSY);
    r.sample(200, many.map((e) => ({ ...e, state: 'idle' as const, since: 150 })));
    expect(r.cell(0, 50)).toBe(CELL_BUSY);
    expect(r.cell(1, 50)).toBe(CELL_BUSY);
  });

  it('hands out only the columns written since the last chunk, column-major', () => {
    const r = new LaneRecorder(1000, 10);
    r.sample(100, [env(1), env(2, { state: 'busy', since: 50, requests: 1 })]);
    r.sample(200, [env(1), env(2, { state: 'busy', since: 50, requests: 1 })]);
    const c = r.takeChunk()!;
    expect([c.from, c.to, c.rows]).toEqual([0, 2, 2]);
    expect([...c.cells]).toEqual([CELL_IDLE, CELL_BUSY, CELL_IDLE, CELL_BUSY]);
    expect(r.takeChunk()).toBeNull();
    expect(r.takeSlotChanges().map((s) => s.envId)).toEqual([1, 2]);
    expect(r.takeSlotChanges()).toEqual([]);
    r.sample(250, [env(1)]);
    expect(r.takeChunk()).toMatchObject({ from: 2, to: 3 });
  });
});
