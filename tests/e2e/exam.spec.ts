import type { Page } from '@playwright/test';
import { test, expect, waitForStorage, expectAccessible } from './fixtures';
import { startCustom } from './exam-fixtures';
import { classPack } from './packs-fixtures';

const START = new Date('2026-03-02T09:00:00Z');
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

async function startFullMock(page: Page) {
  await page.goto('/exam/');
  await waitForStorage(page);
  await page.getByRole('button', { name: 'Start the full mock exam' }).click();
  await expect(page).toHaveURL(/\/exam\/take\/\?id=/);
  await expect(page.getByRole('heading', { name: 'Question 1 of 65' })).toBeVisible();
}

/** Answers the question on screen with the keyboard: as many options as it asks for, from the top. */
async function answerWithKeys(page: Page) {
  await expect(page.getByRole('group', { name: /^Question \d+ of \d+$/ })).toBeVisible();
  const prompt = page.getByText(/^Choose (two|three|four|five)\./);
  const choose = (await prompt.count()) > 0 ? await prompt.textContent() : null;
  const need = choose ? NUMBER_WORDS[/Choose (\w+)/.exec(choose)![1]!]! : 1;
  for (let k = 1; k <= need; k++) await page.keyboard.press(String(k));
}

const navigator = (page: Page) => page.getByRole('navigation', { name: 'Question navigator' });
const timer = (page: Page) => page.getByRole('timer');

test('answers, a flag and a strike-out survive a reload, with the right time left', async ({ page }) => {
  await page.clock.install({ time: START });
  await startFullMock(page);
  await expect(timer(page)).toHaveAttribute('aria-label', 'Time left: about 2 hours 10 minutes left');

  // Question 1 by keyboard, then N for the next question.
  await page.getByRole('heading', { name: 'Question 1 of 65' }).click();
  await answerWithKeys(page);
  await expect(navigator(page).getByRole('button', { name: 'Question 1: answered' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Question 2 of 65' })).toBeVisible();

  // Question 2: answered and flagged.
  await answerWithKeys(page);
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await expect(page.getByRole('button', { name: 'Flagged for review' })).toHaveAttribute('aria-pressed', 'true');
  await expect(navigator(page).getByRole('button', { name: 'Question 2: answered, flagged' })).toBeVisible();

  // Question 3 through the navigator: strike out option B and leave it unanswered.
  await navigator(page).getByRole('button', { name: /^Question 3:/ }).click();
  await expect(page.getByRole('heading', { name: 'Question 3 of 65' })).toBeFocused();
  await page.getByRole('button', { name: 'Strike out option B' }).click();
  await expect(page.getByRole('button', { name: 'Strike out option B' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // 25 minutes pass (the tab could be closed, the laptop asleep): then the page is reloaded.
  await page.clock.fastForward('25:00');
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByRole('heading', { name: 'Question 3 of 65' })).toBeVisible();
  await expect(timer(page)).toHaveAttribute('aria-label', 'Time left: about 1 hour 45 minutes left');
  // The clock keeps running during the test, so allow the few seconds the steps take.
  await expect(page.getByRole('timer')).toContainText(/1:4[45]:\d\d/);
  await expect(navigator(page).getByRole('button', { name: 'Question 1: answered' })).toBeVisible();
  await expect(navigator(page).getByRole('button', { name: 'Question 2: answered, flagged' })).toBeVisible();
  await expect(navigator(page).getByRole('button', { name: 'Question 3: unanswered' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Strike out option B' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('2/65')).toBeVisible();

  // The timer can be hidden, and hiding it moves nothing.
  const review = page.getByRole('button', { name: 'Review & submit' });
  const before = await review.boundingBox();
  await page.getByRole('button', { name: 'Hide timer' }).click();
  await expect(timer(page)).toHaveAttribute('aria-label', 'Time left: hidden');
  expect(await review.boundingBox()).toEqual(before);
  await page.getByRole('button', { name: 'Show timer' }).click();
});

test('the timer warns at 10 and 1 minutes and submits at zero; the result, history and review schedule follow', async ({ page }) => {
  await page.clock.install({ time: START });
  await startFullMock(page);
  await page.getByRole('heading', { name: 'Question 1 of 65' }).click();
  // Answer three questions with the first options (some will be wrong), the second marked "not sure" by key.
  for (let i = 0; i < 3; i++) {
    await answerWithKeys(page);
    if (i === 1) {
      await page.keyboard.press('g');
      await expect(page.getByRole('button', { name: /Not sure/ })).toHaveAttribute('aria-pressed', 'true');
    }
    await page.keyboard.press('n');
  }
  await page.keyboard.press('n');
  const id = new URL(page.url()).searchParams.get('id')!;

  // No layout shift as the clock goes from h:mm:ss to mm:ss.
  const heading = page.getByRole('heading', { name: 'Question 5 of 65' });
  const before = await heading.boundingBox();
  await page.clock.fastForward('01:10:01');
  await expect(page.getByRole('timer')).toContainText(/^\s*5\d:\d\d\s*$/);
  expect(await heading.boundingBox()).toEqual(before);

  await page.clock.fastForward('49:59');
  await expect(page.getByRole('alert').filter({ hasText: 'Less than 10 minutes left.' })).toBeVisible();
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('alert').filter({ hasText: 'Less than 1 minute left.' })).toBeVisible();
  await page.clock.fastForward('01:00');

  await expect(page).toHaveURL(/\/exam\/result\/\?id=/);
  await expect(page.getByRole('status').filter({ hasText: 'Time ran out, so your exam was submitted with the answers you had given.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Estimated scaled score' })).toBeVisible();
  await expect(page.getByText(/of 65 correct/)).toContainText(/62 left unanswered/);
  await expect(page.getByText('2 h 10 min').first()).toBeVisible();

  // Only the three answered questions are offered to the reviews; the 62 blank ones are not lapses.
  const add = page.getByRole('region', { name: 'Add to my reviews' });
  await expect(add).toContainText('The 62 questions you left blank are not added.');
  const optional = add.getByRole('checkbox');
  const offered = await optional.count();
  expect(offered).toBeGreaterThanOrEqual(1);
  expect(offered).toBeLessThanOrEqual(3);
  for (let i = 0; i < offered; i++) await expect(optional.nth(i)).toBeChecked();
  await add.getByRole('button', { name: 'Add 3 to my reviews' }).click();
  await expect(page.getByRole('region', { name: 'Added to your reviews' }).getByRole('status')).toContainText('3 answers added.');

  // The finished exam is in the history.
  await page.getByRole('link', { name: 'Practice exams' }).first().click();
  await waitForStorage(page);
  const history = page.getByRole('table', { name: 'Your finished practice exams, newest first' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('time ran out');
  await expect(page.getByRole('img', { name: /Estimated scores of your last 1 exam/ })).toBeVisible();

  // Wrong options carry the misconception behind them; the history names the ones this learner chose.
  const taggedMistakes = await page.evaluate(async (attemptId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('lambda-ops-lab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const attempts = await new Promise<{ id: string; items: { answer: number[]; question: { options: { correct: boolean; misconception?: string }[] } }[] }[]>((resolve) => {
      const r = db.transaction('examAttempts').objectStore('examAttempts').getAll();
      r.onsuccess = () => resolve(r.result as never);
    });
    return attempts.find((a) => a.id === attemptId)!.items.flatMap((i) => i.answer.map((k) => i.question.options[k]!)).filter((o) => !o.correct && o.misconception).length;
  }, id);
  const mistakes = page.getByRole('region', { name: 'Mistakes you keep making' });
  if (taggedMistakes > 0) {
    await expect(mistakes).toBeVisible();
    await expect(mistakes.getByRole('listitem').first()).toContainText(/\d+×/);
  } else await expect(mistakes).toHaveCount(0);

  // Progress lists the same mistakes.
  await page.goto('/progress/');
  await waitForStorage(page);
  const progressMistakes = page.getByRole('region', { name: 'Mistakes you keep making' });
  if (taggedMistakes > 0) await expect(progressMistakes.getByRole('listitem').first()).toContainText(/\d+×/);
  else await expect(progressMistakes).toContainText('None yet');

  // Exactly the answered questions have cards; the "not sure" one was rated Hard if it was right.
  const check = await page.evaluate(async (attemptId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('lambda-ops-lab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const attempts = await all<{ id: string; reviewsRecordedAt?: number; items: { key: string; answer: number[]; unsure: boolean; question: { options: { correct: boolean }[] } }[] }>('examAttempts');
    const attempt = attempts.find((a) => a.id === attemptId)!;
    const logs = await all<{ cardKey: string; rating: number; source: string }>('reviews');
    const cards = await all<{ key: string }>('cards');
    const answered = attempt.items.filter((i) => i.answer.length > 0);
    const unsure = answered.find((i) => i.unsure)!;
    const unsureRight = unsure.question.options.every((o, k) => o.correct === unsure.answer.includes(k));
    return {
      recorded: attempt.reviewsRecordedAt !== undefined,
      answeredKeys: answered.map((i) => `q:${i.key}`).sort(),
      cardKeys: cards.map((c) => c.key).filter((k) => attempt.items.some((i) => `q:${i.key}` === k)).sort(),
      examLogs: logs.filter((l) => l.source === 'exam').length,
      unsureRating: logs.find((l) => l.cardKey === `q:${unsure.key}`)?.rating,
      unsureRight,
    };
  }, id);
  expect(check.recorded).toBe(true);
  expect(check.answeredKeys).toHaveLength(3);
  expect(check.cardKeys).toEqual(check.answeredKeys);
  expect(check.examLogs).toBe(3);
  expect(check.unsureRating).toBe(check.unsureRight ? 2 : 1);

  await page.goto('/review/');
  await waitForStorage(page);
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today.locator('div').filter({ hasText: /^New today/ })).toContainText('3 of 20 introduced');
});

test('the review screen lists unanswered and flagged questions, then submission is confirmed and every answer explained', async ({ page }) => {
  await startCustom(page, 5, true);
  await expect(page.getByText('Untimed')).toBeVisible();
  await page.getByRole('heading', { name: 'Question 1 of 5' }).click();
  await answerWithKeys(page);
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await page.getByRole('button', { name: 'Review & submit' }).click();

  const screen = page.getByRole('region', { name: 'Review your answers' });
  await expect(screen).toContainText('1 of 5 answered · 4 unanswered · 1 flagged');
  await screen.getByRole('button', { name: 'Unanswered (4)' }).click();
  const list = screen.getByRole('list', { name: 'Unanswered questions' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list.getByRole('button', { name: /Go to question 1$/ })).toHaveCount(0);
  await screen.getByRole('button', { name: 'Flagged (1)' }).click();
  const flagged = screen.getByRole('list', { name: 'Flagged questions' });
  await expect(flagged.getByRole('listitem')).toHaveCount(1);
  await flagged.getByRole('button', { name: /Go to question 2$/ }).click();
  await expect(page.getByRole('heading', { name: 'Question 2 of 5' })).toBeFocused();

  // Back to the review screen with the keyboard, then submit and confirm.
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit your exam?' });
  await expect(dialog).toContainText('4 questions are unanswered');
  await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  await dialog.getByRole('button', { name: 'Submit exam' }).click();

  await expect(page).toHaveURL(/\/exam\/result\/\?id=/);
  await expect(page.getByRole('heading', { name: 'Estimated scaled score' })).toBeVisible();
  await expect(page.getByText('This is an estimate: how it is worked out')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'By domain' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /By topic/ })).toBeVisible();

  // Filter the review to flagged, open the question: the learner's answer state, the correct answer and every option's why.
  await page.getByRole('button', { name: 'Flagged (1)' }).click();
  const item = page.getByRole('button', { name: /Unanswered \(wrong\).*Flagged/ });
  await item.click();
  await expect(item).toHaveAttribute('aria-expanded', 'true');
  // Singular or plural: the flagged question may be a multiple-response one.
  await expect(page.getByText(/^Not answered\. The correct answers? (is|are) highlighted in green\.$/)).toBeVisible();
  const whys = page.getByText(/^(Correct|Incorrect) option\./);
  expect(await whys.count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'All (5)' }).click();
  await page.getByRole('region', { name: 'Review every question' }).getByRole('button', { expanded: false }).first().click();
  await expect(page.getByText('Your answer').first()).toBeVisible();
});

test('an exam left open past its deadline is submitted when the learner comes back', async ({ page }) => {
  await page.clock.install({ time: START });
  await startFullMock(page);
  await page.getByRole('heading', { name: 'Question 1 of 65' }).click();
  await answerWithKeys(page);
  await page.goto('/');
  await page.clock.fastForward('03:00:00');
  await page.goto('/exam/');
  await waitForStorage(page);
  const history = page.getByRole('table', { name: 'Your finished practice exams, newest first' });
  await expect(history).toContainText('time ran out');
  await expect(history).toContainText('2 h 10 min');
  await expect(page.getByRole('heading', { name: 'In progress' })).toHaveCount(0);
});

test('on a phone the exam fits the screen and the navigator still reaches every question', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await startCustom(page, 12, false);
  // Long words (ARNs, CLI commands in code) wrap instead of pushing the page sideways, on every question.
  for (let i = 1; i <= 12; i++) {
    await navigator(page).getByRole('button', { name: new RegExp(`^Question ${i}:`) }).click();
    await expect(page.getByRole('heading', { name: `Question ${i} of 12` })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `question ${i} overflows`).toBeLessThanOrEqual(0);
  }
  await expect(page.getByRole('button', { name: 'Review answers →' })).toBeVisible();

  // The result and the history (with its chart and tables) fit the phone too.
  await page.getByRole('button', { name: 'Review answers →' }).click();
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByRole('heading', { name: 'Estimated scaled score' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'result overflows').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Practice exams' }).first().click();
  await expect(page.getByRole('img', { name: /Estimated scores of your last 1 exam/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'history overflows').toBeLessThanOrEqual(0);
});

test('an exam in use passes axe in light and dark: question, review screen, confirmation, result', async ({ page }) => {
  // Ten axe runs: allow more than the default time on a busy machine.
  test.slow();
  await startCustom(page, 3, false);
  await answerWithKeys(page);
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await page.getByRole('button', { name: 'Strike out option C' }).click();
  await expectAccessible(page, 'question', { dark: true });
  await page.keyboard.press('r');
  await expectAccessible(page, 'review screen', { dark: true });
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  await expectAccessible(page, 'confirmation', { dark: true });
  await page.getByRole('dialog').getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByRole('heading', { name: 'Estimated scaled score' })).toBeVisible();
  await page.getByRole('region', { name: 'Review every question' }).getByRole('button', { expanded: false }).first().click();
  await expect(page.getByText(/^(Correct|Incorrect) option\./).first()).toBeVisible();
  await expectAccessible(page, 'result', { dark: true });
  await page.getByRole('link', { name: 'Practice exams' }).first().click();
  await expect(page.getByRole('table', { name: 'Your finished practice exams, newest first' })).toBeVisible();
  await expectAccessible(page, 'history', { dark: true });
});

test("an instructor's blueprint in an imported pack becomes an exam with its own length, time and pass mark", async ({ page }) => {
  const blueprint = { title: 'Week 3 class exam', questions: 3, minutes: 5, domainWeights: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0 }, passPercent: 70 };
  await page.goto('/packs/');
  await waitForStorage(page);
  await page.getByLabel('Pack file to import').setInputFiles({ name: 'week3.yaml', mimeType: 'text/plain', buffer: Buffer.from(classPack('1.0.0', ['q-one', 'q-two', 'q-three', 'q-four'], { exam: blueprint })) });
  await page.getByRole('button', { name: 'Import pack' }).click();
  await expect(page.getByRole('article', { name: 'Week 3: asynchronous Lambda' })).toBeVisible();

  await page.goto('/exam/');
  await waitForStorage(page);
  await page.getByRole('radio', { name: /Week 3 class exam/ }).check();
  const plan = page.getByRole('region', { name: 'Week 3 class exam: 3 questions, 5 minutes' });
  await expect(plan.getByRole('row', { name: /Reliability & continuity/ })).toContainText('3');
  await expect(plan.getByRole('row', { name: /Monitoring/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 3' })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText(/^\s*[45]:\d\d\s*$/);
  await expect(page.getByText(/^Class question q-/)).toBeVisible();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByText('Here 70% correct maps to 720.', { exact: false })).toBeVisible();
});
