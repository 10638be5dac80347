import type { Page } from '@playwright/test';
import { test, expect, waitForStorage, expectAccessible } from './fixtures';
import { buildHistoryExport } from './history-fixture';

async function importHistory(page: Page, file: object, path: string) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, JSON.stringify(file));
  await page.goto('/settings/');
  await waitForStorage(page);
  await page.getByLabel('Export file').setInputFiles(path);
  await page.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your progress is restored' })).toBeVisible({ timeout: 120_000 });
}

test('card browser: reset a studied card after confirming, then undo the reset', async ({ page }, info) => {
  await importHistory(page, buildHistoryExport({ now: Date.now(), reviews: 60, builtIn: 20 }), info.outputPath('small.json'));
  await page.goto('/browse/');
  await waitForStorage(page);
  const search = page.getByRole('search', { name: 'Search cards' });
  await search.getByLabel('State').selectOption('review');
  const cards = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const before = await cards.count();
  await cards.first().getByRole('button', { name: 'Reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset this card?' });
  await expect(dialog).toContainText('Every past review stays in your history');
  await dialog.getByRole('button', { name: 'Reset card' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reset: it is a new card again' })).toBeVisible();
  await expect(cards).toHaveCount(before - 1);
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reset undone' })).toBeVisible();
  await expect(cards).toHaveCount(before);
  await expectAccessible(page, 'card browser after undo');
});

test('per-pack new-card limits hold Review inside them; the home card follows the exam plan', async ({ page }) => {
  await page.goto('/review/');
  await waitForStorage(page);
  const settings = page.getByRole('form', { name: 'Review settings' });
  await settings.getByLabel('New cards per day').fill('200');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText(/Saved/);

  await page.goto('/packs/');
  await waitForStorage(page);
  const groups = page.getByRole('group', { name: 'Daily limits for this pack' });
  await expect(groups.first()).toBeVisible();
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const value = i === 0 ? '3' : '0';
    await group.getByLabel(/^New cards a day from /).fill(value);
    await group.getByLabel(/^New cards a day from /).press('Enter');
    // Saved before the next pack and before the reload, which would otherwise cut a write short.
    await expect(group.getByRole('status')).toHaveText(`Saved: ${value} a day.`);
  }
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByLabel(/^New cards a day from /).first()).toHaveValue('3');

  await page.goto('/review/');
  await waitForStorage(page);
  const today = page.getByRole('region', { name: 'Today' });
  const fresh = today.locator('div', { has: page.getByText('New today', { exact: true }) }).locator('p').nth(1);
  await expect(fresh).toHaveText(/^\d+$/);
  const withLimits = Number(await fresh.innerText());
  // Key facts belong to no pack; only three questions of the first pack may join them.
  expect(withLimits).toBeLessThan(200);

  await page.goto('/');
  await waitForStorage(page);
  await expect(page.getByText('Plus up to 200 new cards.')).toBeVisible();
  await page.goto('/progress/');
  await waitForStorage(page);
  const form = page.getByRole('form', { name: 'Exam plan' });
  const exam = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Exam date').fill(exam);
  await form.getByLabel('Minutes a day').fill('30');
  await form.getByLabel('Minutes a day').press('Enter');
  await expect(page.getByTestId('plan-today')).toBeVisible();
  await page.goto('/');
  await waitForStorage(page);
  await expect(page.getByTestId('due-today-plan')).toContainText(/Your plan for the rest of today: \d+ reviews? and \d+ new cards?.*about \d+ min of the \d+ min left in today’s budget/);
  await expect(page.getByText(/days to your exam/)).toBeVisible();
});
