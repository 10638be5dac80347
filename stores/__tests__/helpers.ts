import { expect } from 'vitest';

/**
 * Waits up to about two seconds for a store's live query to catch up, then fails if `check` still does not
 * hold: the stores write to IndexedDB and learn the result asynchronously.
 */
export async function waitFor(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
