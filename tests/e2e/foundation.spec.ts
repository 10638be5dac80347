import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openTwoTabs, waitForStorage } from './fixtures';

/** The first lesson in the learning path on /learn/. */
const firstLesson = (page: Page) => page.getByRole('main').getByRole('listitem').getByRole('link').first();

async function chooseTheme(page: Page, name: 'Light theme' | 'Dark theme') {
  // The radios are visually replaced by their labels; a keyboard user focuses one and presses Space.
  await page.getByRole('radio', { name }).first().focus();
  await page.keyboard.press('Space');
}

test('a learner opens a lesson from the index, completes it, and it stays completed after a reload', async ({ page }) => {
  await page.goto('/learn/');
  await waitForStorage(page);
  const first = firstLesson(page);
  const title = (await first.locator('span.font-semibold').first().textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForStorage(page);

  const complete = page.getByRole('button', { name: 'Mark lesson complete' });
  await complete.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Completed' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await waitForStorage(page);
  await expect(page.getByRole('button', { name: 'Completed' })).toBeVisible();
  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await expect(page.getByRole('link', { name: new RegExp(title) })).toContainText('Completed');
});

test('the lesson page has a table of contents whose links reach the headings', async ({ page }) => {
  await page.goto('/learn/');
  await firstLesson(page).click();
  const toc = page.getByRole('complementary').getByRole('navigation', { name: 'On this page' });
  const link = toc.getByRole('link').nth(1);
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href!)).toBeInViewport();
});

test('export, delete everything, import: progress is restored', async ({ page }) => {
  await page.goto('/learn/');
  await firstLesson(page).click();
  await waitForStorage(page);
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByRole('button', { name: 'Completed' })).toBeVisible();

  await page.goto('/settings/');
  await waitForStorage(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data' }).click();
  const download = await downloadPromise;
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.kind).toBe('lambda-ops-lab/learner-data');
  expect(exported.data.lessonProgress).toHaveLength(1);

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();

  await page.getByLabel('Export file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('1 lesson progress records');
  await preview.getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your progress is restored' })).toBeVisible();

  await page.goto('/learn/');
  await expect(page.getByRole('main').getByText('Completed').first()).toBeVisible();
});

test('a file that is not an export is refused with a clear message and nothing changes', async ({ page }) => {
  await page.goto('/settings/');
  await waitForStorage(page);
  await page.getByLabel('Export file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(page.getByRole('status').filter({ hasText: 'notes.json: This JSON file is not a Lambda Ops Lab export' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
});

test('the theme choice persists across reloads', async ({ page }) => {
  await page.goto('/');
  await chooseTheme(page, 'Dark theme');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('radio', { name: 'Dark theme' }).first()).toBeChecked();
  await chooseTheme(page, 'Light theme');
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('two tabs see each other\'s progress', async ({ context }) => {
  const [a, b] = await openTwoTabs(context, '/learn/');
  const href = await firstLesson(a).getAttribute('href');
  await a.goto(href!);
  await waitForStorage(a);
  await a.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(b.getByRole('main').getByText('Completed').first()).toBeVisible();
});

test('without IndexedDB the app still works for the visit and says progress will not be saved', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/learn/');
  await expect(page.getByRole('status').filter({ hasText: 'progress will last only until you close this tab' })).toBeVisible();
  await firstLesson(page).click();
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByRole('button', { name: 'Completed' })).toBeVisible();
});

test('on a phone the menu opens, navigates and closes with Escape', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await menu.click();
  await page.getByRole('navigation', { name: 'Main (mobile)' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
});
