import { test as base, type Page } from '@playwright/test';
import { expect, waitForStorage } from './fixtures';

/**
 * For tests that go offline: the service worker is allowed, and like `test` in fixtures.ts it fails on any
 * console error or uncaught exception, except the link prefetches the browser cannot make while offline
 * (net::ERR_INTERNET_DISCONNECTED), which are expected.
 */
export const offlineTest = base.extend<{ offlineErrors: string[] }>({
  serviceWorkers: 'allow',
  offlineErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/ERR_INTERNET_DISCONNECTED/.test(msg.text())) errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

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
