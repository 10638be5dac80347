import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, exportedRoutes } from './fixtures';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Every exported route must pass WCAG 2.1 AA in light and dark, with no console errors.
// One load per route: the theme follows the system setting, so switching the emulated scheme
// re-themes the loaded page without a second navigation.
for (const route of exportedRoutes()) {
  test(`axe: ${route}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(route);
    await page.waitForLoadState('networkidle');
    expect(await violations(page), 'light theme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(await violations(page), 'dark theme').toEqual([]);
  });
}
