import { test, expect, waitForStorage } from './fixtures';
import { answer, optionLabels, questionIn, startQuiz } from './srs-helpers';

test('a quiz from a lesson: keyboard answers, per-option feedback, a section link and a summary', async ({ page }) => {
  await page.goto('/quiz/?lesson=concurrency');
  await waitForStorage(page);
  const form = page.getByRole('form', { name: 'Quiz set-up' });
  await expect(form.getByLabel('Lesson', { exact: true })).toHaveValue('concurrency');
  await form.getByLabel('Questions').selectOption('5');
  await form.getByRole('button', { name: 'Start quiz' }).click();

  let right = 0;
  for (let i = 1; i <= 5; i++) {
    const card = page.getByRole('group', { name: `Question ${i} of 5` });
    const correct = i % 2 === 1;
    await answer(card, page, correct);
    if (correct) right++;
    // Every option explains itself, and the feedback links to the lesson.
    await expect(card.getByText(/^(Correct|Incorrect) option\./)).toHaveCount(await optionLabels(card).count());
    await expect(card.locator('a[href^="/learn/concurrency/"]').first()).toHaveText(/^(Re-read: Concurrency.*“.+”|Study the lesson: Concurrency)/);
    await page.keyboard.press('n');
  }
  const summary = page.getByRole('region', { name: /You scored/ });
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText(`You scored ${right} of 5 (${Math.round((right / 5) * 100)}%)`);
  await expect(summary.getByRole('heading', { name: 'Study next' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^(Re-read|Study the lesson): / }).first()).toBeVisible();
});

test('a multiple-response question needs exactly the stated number of choices', async ({ page }) => {
  await startQuiz(page, 'lesson=monitoring-metrics-alarms', 40);
  for (let i = 1; i <= 40; i++) {
    const card = page.getByRole('group', { name: new RegExp(`^Question ${i} of`) });
    const q = await questionIn(card);
    if (q.type === 'multiple') {
      const need = q.options.filter((o) => o.correct).length;
      const submit = card.getByRole('button', { name: 'Submit answer' });
      await card.locator('input').first().focus();
      await page.keyboard.press('1');
      await expect(submit).toBeDisabled();
      await expect(card).toContainText(`Select ${need} options (1 selected)`);
      for (let k = 2; k <= need; k++) await page.keyboard.press(String(k));
      await expect(submit).toBeEnabled();
      await page.keyboard.press(String(need + 1));
      await expect(submit).toBeDisabled();
      await page.keyboard.press(String(need + 1));
      await page.keyboard.press('Enter');
      await expect(card.getByRole('status').first()).toBeVisible();
      return;
    }
    await answer(card, page, true);
    await page.keyboard.press('n');
  }
  throw new Error('no multiple-response question in the quiz');
});

test('a quiz survives a reload with the same question and the same shuffled option order', async ({ page }) => {
  await startQuiz(page, 'topic=concurrency');
  const card = page.getByRole('group', { name: 'Question 1 of 10' });
  await expect(optionLabels(card).first()).toBeVisible();
  const before = await optionLabels(card).allInnerTexts();
  const stem = await card.locator('.prose').first().innerText();
  await page.reload();
  await waitForStorage(page);
  const again = page.getByRole('group', { name: 'Question 1 of 10' });
  await expect(again.locator('.prose').first()).toHaveText(stem);
  await expect(optionLabels(again).first()).toBeVisible();
  expect(await optionLabels(again).allInnerTexts()).toEqual(before);
});

test('quiz my weakest areas focuses on topics answered wrong', async ({ page }) => {
  await startQuiz(page, 'topic=dlq', 5);
  for (let i = 1; i <= 5; i++) {
    await answer(page.getByRole('group', { name: `Question ${i} of 5` }), page, false);
    await page.keyboard.press('n');
  }
  await page.getByRole('button', { name: 'Choose another quiz' }).click();
  await page.getByText('My weakest areas', { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText(/Focused on your weakest topics: .*Dead-letter queues/)).toBeVisible();
});

test('a lesson checkpoint answer is saved as a review', async ({ page }) => {
  await page.goto('/learn/async-invocation/');
  await waitForStorage(page);
  const checkpoint = page.getByRole('region', { name: 'Checkpoint' }).first();
  await checkpoint.scrollIntoViewIfNeeded();
  const card = checkpoint.getByRole('group', { name: /Question 1 of/ });
  await answer(card, page, true);
  await expect(card.getByText('Saved to your reviews.')).toBeVisible();
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(page.getByRole('region', { name: 'Today' })).toContainText('Reviewed today1');
});
