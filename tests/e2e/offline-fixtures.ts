import type { Page } from '@playwright/test';
import { expect, waitForStorage } from './fixtures';

/**
 * Console errors and uncaught exceptions, for tests that cannot use the `test` fixture's check: offline, the
 * browser logs each link prefetch it cannot make (net::ERR_INTERNET_DISCONNECTED); those are expected, anything
 * else is a page a learner would see broken.
 */
export function collectOfflineErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/ERR_INTERNET_DISCONNECTED/.test(msg.text())) errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Visits `path` once and returns when the service worker has precached the site and controls the page. */
export async function installServiceWorker(page: Page, path: string) {
  await page.goto(path);
  await waitForStorage(page);
  // The worker precaches the whole export before it activates; wait until it controls a page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
