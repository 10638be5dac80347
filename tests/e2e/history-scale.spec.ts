import { test, expect, waitForStorage } from './fixtures';
import { buildHistoryExport } from './history-fixture';

// A long history made here: 5,000 cards (the built-in bank and an imported pack of generated questions)
// and, in npm test, 20,000 reviews. `npm run bench:history` runs the same flow with HISTORY_REVIEWS=100000
// and reports its figures: the code paths are the same, only the minutes differ.
const REVIEWS = Number(process.env.HISTORY_REVIEWS ?? 20_000);

test(`an imported ${REVIEWS.toLocaleString('en-US')}-review history: the plan, the forecast, the card browser and the optimizer all work`, async ({ page }, info) => {
  test.setTimeout(1_200_000);
  const { writeFileSync } = await import('node:fs');
  const file = info.outputPath('history.json');
  writeFileSync(file, JSON.stringify(buildHistoryExport({ now: Date.now(), reviews: REVIEWS, extraQuestions: 4250 })));
  const figures: Record<string, number> = {};
  let t = Date.now();
  await page.goto('/settings/');
  await waitForStorage(page);
  await page.getByLabel('Export file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText(String(REVIEWS), { timeout: 120_000 });
  figures.previewMs = Date.now() - t;
  t = Date.now();
  await preview.getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your progress is restored' })).toBeVisible({ timeout: 300_000 });
  figures.importMs = Date.now() - t;

  t = Date.now();
  await page.goto('/progress/');
  await waitForStorage(page);
  const form = page.getByRole('form', { name: 'Exam plan' });
  await form.getByLabel('Exam date').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel('Minutes a day').fill('60');
  await form.getByLabel('Minutes a day').press('Enter');
  await expect(page.getByTestId('plan-today')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('region', { name: 'Exam readiness' }).getByTestId('forecast-score')).toHaveText(/^\d{3,4}$/, { timeout: 120_000 });
  await expect(page.getByText(/reviews in the last year/)).toBeVisible({ timeout: 120_000 });
  figures.progressMs = Date.now() - t;

  t = Date.now();
  await page.goto('/browse/');
  await waitForStorage(page);
  const search = page.getByRole('search', { name: 'Search cards' });
  await search.getByLabel('State').selectOption('review');
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem').first()).toBeVisible({ timeout: 120_000 });
  await search.getByLabel('Text').fill('generated practice question number 4242');
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(1);
  figures.browseMs = Date.now() - t;

  // The optimizer on the whole history: two trainings in two workers, then the comparison; adopted on a click.
  t = Date.now();
  await page.goto('/review/');
  await waitForStorage(page);
  const training = page.getByRole('region', { name: 'Train on my reviews' });
  await training.getByRole('button', { name: 'Train on my reviews' }).click({ timeout: 120_000 });
  await expect(training.getByRole('heading', { name: 'How well each set predicts your later reviews' })).toBeVisible({ timeout: 600_000 });
  figures.optimizeMs = Date.now() - t;
  await training.getByRole('button', { name: 'Adopt the trained parameters' }).click();
  await expect(training.getByTestId('parameters-in-use')).toHaveText(/^Review uses parameters trained on [\d,]+ of your reviews on /);

  t = Date.now();
  await page.goto('/');
  await waitForStorage(page);
  await expect(page.getByTestId('due-today-plan')).toBeVisible({ timeout: 120_000 });
  figures.homeMs = Date.now() - t;
  // Figures for the report, never asserted.
  console.log(`history figures: ${JSON.stringify({ reviews: REVIEWS, ...figures })}`);
});
