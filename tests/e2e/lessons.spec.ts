import { test, expect, recordBankRequests, waitForStorage } from './fixtures';

test('search finds a lesson by one of its key facts, from the keyboard', async ({ page }) => {
  await page.goto('/learn/');
  // The shortcut works once the page is interactive (hydrated), as for a learner.
  await waitForStorage(page);
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search lessons' });
  await expect(box).toBeFocused();
  // A phrase from a key fact, not from any lesson title.
  await box.fill('visibility timeout');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toBeVisible();
  await expect(results).toContainText('SQS event source mappings');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn\/sqs-event-source\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SQS event source mappings');
});

test('every lesson in the index opens, with objectives, key facts and a way onward', async ({ page }) => {
  await page.goto('/learn/');
  const hrefs = await page.getByRole('main').getByRole('listitem').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(16);
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'By the end you can' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Key facts' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link').first()).toBeVisible();
  }
});

test('a checkpoint question can be answered with the keyboard and explains every option', async ({ page }) => {
  await page.goto('/learn/async-invocation/');
  const checkpoint = page.getByRole('region', { name: 'Checkpoint' }).first();
  // The bank loads as the learner scrolls towards the checkpoint, not with the lesson.
  await checkpoint.scrollIntoViewIfNeeded();
  const question = checkpoint.getByRole('group', { name: /Question 1 of/ });
  await expect(question).toBeVisible();
  const count = (await question.getByRole('checkbox').count()) > 0 ? 2 : 1;
  await question.getByRole(count === 2 ? 'checkbox' : 'radio').first().focus();
  for (let i = 1; i <= count; i++) await page.keyboard.press(String(i));
  await page.keyboard.press('Enter');
  await expect(question.getByRole('status')).toHaveText(/Correct\.|Not quite\./);
  await expect(question.getByText(/^(Correct|Incorrect) option\./)).toHaveCount(await question.locator('label').count());
});

test('a lesson downloads the question bank only as the learner scrolls towards its checkpoint', async ({ page }) => {
  const bankRequests = recordBankRequests(page);
  await page.goto('/learn/async-invocation/');
  await waitForStorage(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(bankRequests).toEqual([]);
  const checkpoint = page.getByRole('region', { name: 'Checkpoint' }).first();
  await checkpoint.scrollIntoViewIfNeeded();
  await expect(checkpoint.getByRole('group', { name: /Question 1 of/ })).toBeVisible();
  expect(bankRequests.some((u) => u.endsWith('/data/packs/index.json'))).toBe(true);
});

test('the cheat sheet shows the numbers from the fact sheet', async ({ page }) => {
  await page.goto('/cheat-sheet/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lambda numbers for SOA-C03');
  await expect(page.getByText('1 MB (raised from 256 KB in October 2025)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
});
