import { test, expect, exportedRoutes, waitForStorage, axeViolations, COLOUR_RULES, switchScheme } from './fixtures';

// Every exported route must pass WCAG 2.1 AA in light and dark, with no console errors.
// One load per route: the theme follows the system setting, so switching the emulated scheme
// re-themes the loaded page without a second navigation.
for (const route of exportedRoutes()) {
  test(`axe: ${route}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(route);
    // The layout marks the page once learner data is read, i.e. hydrated and showing saved state.
    await waitForStorage(page);
    expect(await axeViolations(page, 'light')).toEqual([]);
    await switchScheme(page, 'dark');
    expect(await axeViolations(page, 'dark', { rules: COLOUR_RULES })).toEqual([]);
  });
}
