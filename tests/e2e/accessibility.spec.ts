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

// The checks above pass only if the helper can fail: planted faults must be reported, in light and dark.
test('the axe helper reports planted faults', async ({ page }) => {
  await page.goto('/learn/');
  await waitForStorage(page);
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<img width="10" height="10"><p style="color:#ccc">faint</p><button></button>'));
  const light = await axeViolations(page, 'planted');
  expect(light.map((v) => v.split(': ')[1])).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'button-name']));
  await switchScheme(page, 'dark');
  // #ccc on the dark background passes; dark slate text on it is what the dark pass must catch.
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<p style="color:#1e293b">dim</p>'));
  expect((await axeViolations(page, 'planted dark', { rules: COLOUR_RULES })).join('\n')).toContain('color-contrast');
});
