import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, exportedRoutes, waitForStorage } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Switching the scheme changes colours only, so the dark pass runs the rules that read colours; the
// structural rules (names, roles, labels, landmarks) already ran on the same DOM in light.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function violations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Every exported route must pass WCAG 2.1 AA in light and dark, with no console errors.
// One load per route: the theme follows the system setting, so switching the emulated scheme
// re-themes the loaded page without a second navigation.
for (const route of exportedRoutes()) {
  test(`axe: ${route}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(route);
    // The layout marks the page once learner data is read, i.e. hydrated and showing saved state.
    await waitForStorage(page);
    expect(await violations(page), 'light theme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(await violations(page, COLOUR_RULES), 'dark theme').toEqual([]);
  });
}
