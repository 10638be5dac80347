import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_KEY, loadDraft, storeDraft, UNREADABLE_DRAFT_KEY } from '../pack-draft';

/** A Storage with a size limit, like a browser's localStorage. */
class MemoryStorage {
  private items = new Map<string, string>();
  constructor(private readonly limit = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => (key === k ? n : n + key.length + val.length), 0);
    if (used + k.length + v.length > this.limit) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

function install(storage: MemoryStorage) {
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
}

describe('pack editor draft storage', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage(10_000);
    install(storage);
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('stores a draft and reads it back', () => {
    const saved = storeDraft('format: 1\n# mine\n', 1_000, { packId: 'week-3', version: '1.0.0' });
    expect(saved.ok).toBe(true);
    expect(loadDraft()).toEqual({ kind: 'ok', draft: { v: 1, text: 'format: 1\n# mine\n', savedAt: 1_000, openedFrom: { packId: 'week-3', version: '1.0.0' } } });
  });

  it('keeps an unreadable draft aside, once, and never overwrites the first copy', () => {
    storage.setItem(DRAFT_KEY, '{"v":9,"text":"from the future"}');
    expect(loadDraft()).toMatchObject({ kind: 'unreadable' });
    expect(storage.getItem(UNREADABLE_DRAFT_KEY)).toBe('{"v":9,"text":"from the future"}');
    storage.setItem(DRAFT_KEY, 'broken again');
    loadDraft();
    expect(storage.getItem(UNREADABLE_DRAFT_KEY)).toBe('{"v":9,"text":"from the future"}');
  });

  it('says so when the browser has no room, and keeps the last good draft', () => {
    expect(storeDraft('small', 1).ok).toBe(true);
    const big = storeDraft('x'.repeat(20_000), 2);
    expect(big).toEqual({ ok: false, message: 'the browser has no room left for a draft this large' });
    expect(loadDraft()).toMatchObject({ kind: 'ok', draft: { text: 'small' } });
  });

  it('works without localStorage at all', () => {
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(loadDraft()).toEqual({ kind: 'none' });
    expect(storeDraft('x', 1)).toMatchObject({ ok: false });
  });
});
