import AxeBuilder from '@axe-core/playwright';
import { test, expect, exportedRoutes } from './fixtures';

// Every exported route, in light and dark, must pass WCAG 2.1 AA with no console errors.
for (const route of exportedRoutes()) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: ${route} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(route);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
}
