import { test, expect, waitForStorage, expectAccessible } from './fixtures';

test('card browser: search by topic and text, suspend a card so Review leaves it out, study the topic now', async ({ page }) => {
  await page.goto('/browse/');
  await waitForStorage(page);
  const search = page.getByRole('search', { name: 'Search cards' });
  await search.getByLabel('Topic').selectOption({ label: 'Dead-letter queues' });
  const cards = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Study Dead-letter queues now' })).toHaveAttribute('href', '/quiz/?topic=dlq');

  await search.getByLabel('State').selectOption('new');
  const first = cards.first();
  const name = (await first.getAttribute('aria-label'))!;
  await first.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Suspended: it stays out of reviews' })).toBeVisible();
  await search.getByLabel('State').selectOption('suspended');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('aria-label', name);
  await expect(cards.first().getByRole('button', { name: 'Unsuspend' })).toHaveAttribute('aria-pressed', 'true');

  // Text search, keyboard only.
  await search.getByLabel('State').selectOption('any');
  await search.getByLabel('Topic').selectOption('');
  await search.getByLabel('Text').fill('dead-letter queue');
  await expect(cards.first()).toBeVisible();

  // Suspend every new card: Review then has none to introduce.
  await search.getByLabel('Text').fill('');
  await search.getByLabel('State').selectOption('new');
  await page.getByRole('button', { name: /^Suspend all \d+$/ }).click();
  await expect(cards).toHaveCount(0);
  await page.goto('/review/');
  await waitForStorage(page);
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today.locator('div', { has: page.getByText('New today', { exact: true }) }).locator('p').nth(1)).toHaveText('0');
  await page.goto('/browse/');
  await waitForStorage(page);

  await expectAccessible(page, 'card browser');
});
