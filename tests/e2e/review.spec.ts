import type { Page } from '@playwright/test';
import { test, expect, openTwoTabs, waitForStorage, expectAccessible } from './fixtures';
import { answer, questionIn, startQuiz } from './srs-helpers';

const stat = (page: Page, label: string) => page.getByRole('region', { name: 'Today' }).locator('div', { has: page.getByText(label, { exact: true }) }).locator('p').nth(1);

test('a wrong answer comes back in a minute, a right one later; a reload loses nothing', async ({ page }) => {
  await page.clock.install();
  await startQuiz(page, 'lesson=async-invocation');

  const first = page.getByRole('group', { name: 'Question 1 of 10' });
  const wrong = await answer(first, page, false);
  await expect(first.getByTestId('next-review-interval')).toHaveText('1 minute');
  await page.keyboard.press('n');

  const second = page.getByRole('group', { name: 'Question 2 of 10' });
  await answer(second, page, true);
  await expect(second.getByTestId('next-review-interval')).toHaveText('10 minutes');

  // Reload: the quiz resumes where it was and both reviews are still logged.
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByRole('group', { name: 'Question 2 of 10' })).toContainText('You answered this correctly');
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(stat(page, 'Reviewed today')).toHaveText('2');
  await expect(stat(page, 'Learning soon')).toHaveText('2');
  await expect(stat(page, 'Due now')).toHaveText('0');

  // Two minutes later the wrong one is due, and it is shown first; the right one is not due yet.
  await page.clock.fastForward('02:00');
  await expect(stat(page, 'Due now')).toHaveText('1');
  await expect(stat(page, 'Learning soon')).toHaveText('1');
  const card = page.getByRole('group', { name: 'Question' });
  expect((await questionIn(card)).id).toBe(wrong.id);
  await expect(page.getByText('Learning', { exact: true })).toBeVisible();
});

test('flashcards: Space shows the answer, 1–4 rate it, U undoes the rating', async ({ page }) => {
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(stat(page, 'Reviewed today')).toHaveText('0');
  const prompt = await page.getByTestId('flashcard-prompt').innerText();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good\s*, back in\s*10m$/ })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('status').filter({ hasText: 'Good: back in 10 minutes' })).toBeVisible();
  await expect(stat(page, 'Reviewed today')).toHaveText('1');
  await expect(page.getByText(prompt)).toHaveCount(0);

  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(stat(page, 'Reviewed today')).toHaveText('0');
  await expect(page.getByTestId('flashcard-prompt')).toHaveText(prompt);
  await expect(page.getByRole('button', { name: /Undo last rating/ })).toBeDisabled();

  // The undo is stored: after a reload the card is still new and nothing was reviewed.
  await page.reload();
  await waitForStorage(page);
  await expect(stat(page, 'Reviewed today')).toHaveText('0');
  await expect(page.getByTestId('flashcard-prompt')).toHaveText(prompt);
});

test('two tabs reviewing at once do not lose each other’s reviews', async ({ context }) => {
  const [a, b] = await openTwoTabs(context, '/review/');
  // Both tabs show the same first new card; both rate it at the same moment.
  await a.getByRole('button', { name: /Show answer/ }).click();
  await b.getByRole('button', { name: /Show answer/ }).click();
  await Promise.all([a.getByRole('button', { name: /^Good/ }).click(), b.getByRole('button', { name: /^Again/ }).click()]);
  // Each tab sees both reviews, its own and the other's.
  await expect(stat(a, 'Reviewed today')).toHaveText('2');
  await expect(stat(b, 'Reviewed today')).toHaveText('2');
  await a.goto('/progress/');
  await waitForStorage(a);
  await expect(a.getByRole('region', { name: 'Summary' })).toContainText('Reviews today2');
});

test('the dashboard shows what is due and starts the review in one click', async ({ page }) => {
  await page.goto('/');
  await waitForStorage(page);
  await expect(page.getByTestId('due-today')).toHaveText('0');
  await expect(page.getByText('Plus up to 20 new cards.')).toBeVisible();
  await page.getByRole('link', { name: /Start review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
});

test('review settings persist and change the queue', async ({ page }) => {
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(stat(page, 'New today')).toHaveText('20');
  const form = page.getByRole('form', { name: 'Review settings' });
  await form.getByLabel('New cards per day').fill('5');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText(/Saved/);
  await expect(stat(page, 'New today')).toHaveText('5');
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByRole('form', { name: 'Review settings' }).getByLabel('New cards per day')).toHaveValue('5');
  await expect(stat(page, 'New today')).toHaveText('5');
});

test('the review, quiz and progress pages pass axe in their working states, light and dark', async ({ page }) => {
  const axe = (what: string) => expectAccessible(page, what, { dark: true });
  await startQuiz(page, 'lesson=streams', 5);
  for (let i = 1; i <= 5; i++) {
    await answer(page.getByRole('group', { name: `Question ${i} of 5` }), page, i % 2 === 0);
    if (i === 1) await axe('quiz feedback');
    await page.keyboard.press('n');
  }
  await expect(page.getByRole('heading', { name: /You scored/ })).toBeVisible();
  await axe('quiz summary');

  await page.goto('/review/');
  await waitForStorage(page);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.getByRole('button', { name: /^Good\s*, back in/ })).toBeVisible();
  await axe('flashcard answer');

  await page.goto('/progress/');
  await waitForStorage(page);
  await expect(page.getByRole('heading', { name: 'Mastery by topic' })).toBeVisible();
  await page.getByText('Show as a table').first().click();
  await expect(page.getByRole('table', { name: 'Reviews per week' }).getByRole('row').nth(1)).toBeVisible();
  await axe('progress');
});
