import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
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

/** Two tabs of one browser on `path`, each with storage open: the same learner in two windows. */
export async function openTwoTabs(context: BrowserContext, path: string): Promise<[Page, Page]> {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(path);
  await b.goto(path);
  await waitForStorage(a);
  await waitForStorage(b);
  return [a, b];
}

/** The question bank's files the page requests from now on, so a test can say when the bank is downloaded. */
export function recordBankRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/data/packs/')) requests.push(r.url());
  });
  return requests;
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules whose outcome a colour scheme can change; the structural ones ran on the same DOM already. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * WCAG 2.1 AA violations as "where: rule: first targets", so a failing test names what to fix.
 * Only violations are asked for: collecting every passing node makes axe a third slower on a lesson.
 */
export async function axeViolations(page: Page, where: string, opts: { rules?: string[]; include?: string } = {}): Promise<string[]> {
  // Legacy mode runs axe in the page itself. The default opens a blank page on every call to merge results
  // across cross-origin frames, which this app has none of: that doubled the time of each pass.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
  builder = opts.rules ? builder.withRules(opts.rules) : builder.withTags(WCAG_AA);
  if (opts.include) builder = builder.include(opts.include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${where}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Fails on any violation. With `dark`, the page is also re-themed in place (the theme follows the
 * system scheme, so no second load) and the colour rules run again, then it is put back in light.
 */
export async function expectAccessible(page: Page, where: string, opts: { include?: string; dark?: boolean } = {}) {
  const found = await axeViolations(page, opts.dark ? `${where} (light)` : where, { include: opts.include });
  if (opts.dark) {
    await switchScheme(page, 'dark');
    found.push(...(await axeViolations(page, `${where} (dark)`, { include: opts.include, rules: COLOUR_RULES })));
    await switchScheme(page, 'light');
  }
  expect(found).toEqual([]);
}

/**
 * Re-themes the loaded page and waits until its colour transitions have finished: axe measuring contrast
 * half-way through a `transition-colors` reads a grey that neither theme has.
 */
export async function switchScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/dark/);
  else await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.waitForFunction(() => !document.getAnimations().some((a) => a instanceof CSSTransition));
}
