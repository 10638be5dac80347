import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EDITOR_TEMPLATE } from '../../lib/packs/editor-template';
import { test, expect, waitForStorage, expectAccessible, axeViolations, COLOUR_RULES, switchScheme } from './fixtures';
import { installServiceWorker, offlineTest } from './offline-fixtures';
import { startQuiz } from './srs-helpers';

const SHOTS = '/work/wt/shots-pack-editor';
const VERSION_LINE = EDITOR_TEMPLATE.split('\n').findIndex((l) => l.startsWith('version:')) + 1;

/** Records Content-Security-Policy violations from the first script on: CodeMirror injects its styles at run time. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function openEditor(page: Page) {
  await page.goto('/packs/edit/');
  await waitForStorage(page);
  const editor = page.getByRole('textbox', { name: 'Pack YAML' });
  await expect(editor).toBeVisible();
  return editor;
}

/**
 * Puts the cursor at the end of the editor line that reads `text`. By click, not by arrow keys: the editor wraps
 * long lines, so ArrowDown counts screen rows rather than lines.
 */
async function endOfLine(page: Page, text: string) {
  await page.locator('.cm-line').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  await page.keyboard.press('End');
}

test('from the template: an error shows on its line and in the list, the fix brings the preview back, and the pack is saved, updated and quizzed', async ({ page }) => {
  await watchCsp(page);
  await page.goto('/packs/');
  await waitForStorage(page);
  // The Packs page does not pay for the editor: none of its scripts holds CodeMirror.
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) expect(await (await page.request.get(url)).text(), url).not.toContain('cm-lintRange');
  await page.getByRole('link', { name: 'Open the pack editor' }).click();
  await expect(page).toHaveURL(/\/packs\/edit\/$/);
  await waitForStorage(page);
  const editor = page.getByRole('textbox', { name: 'Pack YAML' });
  await page.getByRole('button', { name: 'Start from template' }).click();
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  const preview = page.getByRole('region', { name: 'Learner preview' });
  await expect(preview).toContainText('How many more times does Lambda try the event?');

  // Break the version: the problem appears with its line, as a lint mark on that token and in the list.
  await editor.click();
  await endOfLine(page, 'version: 1.0.0');
  await page.keyboard.type('x');
  await expect(page.getByText('1 error: the pack cannot be saved yet.')).toBeVisible();
  const problem = page.getByRole('listitem').filter({ hasText: `Line ${VERSION_LINE}, column 10` });
  await expect(problem).toContainText('must be a semantic version');
  await expect(page.locator('.cm-lintRange-error')).toHaveText('1.0.0x');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
  await expect(preview).toContainText('This is the last version without errors');

  await page.getByRole('button', { name: 'Save as imported pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This pack has 1 error, so it cannot be saved' })).toBeVisible();

  // The list's position is a button that takes the cursor back into the editor at the problem.
  await problem.getByRole('button', { name: `Line ${VERSION_LINE}, column 10` }).click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(preview).not.toContainText('This is the last version without errors');
  await expect(preview.getByRole('radio').first()).toBeVisible();

  await page.getByRole('button', { name: 'Save as imported pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “My class pack” 1.0.0 as an imported pack: 2 questions' })).toBeVisible();

  // Same id again with other content: the import's rule applies, and the editor asks before replacing.
  await editor.click();
  await endOfLine(page, 'title: My class pack');
  await page.keyboard.type(' (week 3)');
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  await page.getByRole('button', { name: 'Save as imported pack' }).click();
  const confirm = page.getByRole('region', { name: 'You already have a pack with the id my-class-pack' });
  await expect(confirm).toContainText('Same version number (1.0.0)');
  await page.screenshot({ path: `${SHOTS}/desktop-confirm.png` });
  await confirm.getByRole('button', { name: 'Replace the imported copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was replaced by 1.0.0' })).toBeVisible();

  await page.getByRole('link', { name: 'See it on the Packs page' }).click();
  await waitForStorage(page);
  await expect(page.getByRole('article', { name: 'My class pack (week 3)' })).toContainText('Imported');

  await startQuiz(page, 'pack=my-class-pack');
  await expect(page.getByText(/How many more times does Lambda try the event\?|Which of these can be an on-failure destination/)).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

test('the draft survives a reload, downloads as YAML, opens an imported pack, and Esc then Tab leaves the editor', async ({ page }) => {
  await watchCsp(page);
  const editor = await openEditor(page);
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# kept after a reload');
  await expect(page.getByText('Draft saved in this browser.')).toBeVisible();

  await page.reload();
  await waitForStorage(page);
  await expect(page.getByText('Your draft from last time is back.')).toBeVisible();
  // The editor draws only the lines in view: go to the end to see the last one.
  await editor.click();
  await page.keyboard.press('Control+End');
  await expect(editor).toContainText('# kept after a reload');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download YAML' }).click()]);
  expect(download.suggestedFilename()).toBe('my-class-pack.yaml');
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).toContain('# kept after a reload');
  expect(file).toContain('id: my-class-pack');

  // Tab indents inside the editor (here a comment line, harmless); Escape then Tab moves on to the next control.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Tab');
  await expect(editor).toContainText('  # kept after a reload');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();

  // Save, wreck the text, then open the saved pack again from the learner's imported packs.
  await page.getByRole('button', { name: 'Save as imported pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'as an imported pack' })).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('not: a pack');
  await page.keyboard.press('Control+Home');
  await expect(page.getByRole('listitem').filter({ hasText: 'Line 1' }).first()).toBeVisible();
  await page.getByLabel('Imported pack').selectOption({ label: 'My class pack (1.0.0)' });
  await page.getByRole('button', { name: 'Open an imported pack' }).click();
  await expect(editor).toContainText('id: my-class-pack');
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  await expect(page.getByText('Opened from your imported pack my-class-pack (1.0.0).')).toBeVisible();
  // The exported copy is the saved pack, so saving it again changes nothing and says so.
  await page.getByRole('button', { name: 'Save as imported pack' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'is exactly this pack: there is nothing to save' })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
});

test('the editor passes axe with problems shown, and fits a phone', async ({ page }) => {
  // Four full axe passes: on a shared, loaded machine they alone can take most of a minute.
  test.slow();
  const axe = (label: string) => expectAccessible(page, label);
  const editor = await openEditor(page);
  await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
  await axe('valid');
  await page.screenshot({ path: `${SHOTS}/desktop-valid.png`, fullPage: false });
  await editor.click();
  await endOfLine(page, 'version: 1.0.0');
  await page.keyboard.type('x');
  await expect(page.getByText('1 error: the pack cannot be saved yet.')).toBeVisible();
  await axe('errors');
  await page.screenshot({ path: `${SHOTS}/desktop-error.png`, fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  await expect(page.getByRole('textbox', { name: 'Pack YAML' })).toBeVisible();
  await axe('phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `${SHOTS}/phone-error.png`, fullPage: true });
  await page.getByRole('heading', { name: 'Pack YAML' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/phone-editor.png` });

  await switchScheme(page, 'dark');
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await axeViolations(page, 'dark', { rules: COLOUR_RULES })).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/desktop-dark.png`, fullPage: false });
});

offlineTest.describe('offline', () => {
  offlineTest('the editor, its lazily loaded code and its checking worker come from the service worker’s precache', async ({ page, context }) => {
    await installServiceWorker(page, '/');

    await context.setOffline(true);
    await page.goto('/packs/edit/');
    await expect(page.getByRole('textbox', { name: 'Pack YAML' })).toBeVisible();
    await expect(page.getByText('No errors: 2 questions.')).toBeVisible();
    await context.setOffline(false);
  });
});
