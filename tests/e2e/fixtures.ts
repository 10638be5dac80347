import { test as base, expect, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every page in the static export, so a new route is checked without anyone listing it. */
export function exportedRoutes(dir = 'out', prefix = '/'): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === '_next' || entry === 'data' || entry.startsWith('_')) continue;
    if (statSync(full).isDirectory()) routes.push(...exportedRoutes(full, `${prefix}${entry}/`));
    else if (entry === 'index.html') routes.push(prefix);
  }
  return routes.sort();
}

/** Fails a test on any console error or uncaught exception: a learner would see a broken page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until learner storage is open, so clicks are saved rather than racing the database. */
export async function waitForStorage(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.storage === 'ready');
}
