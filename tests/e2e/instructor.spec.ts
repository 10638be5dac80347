import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, waitForStorage, expectAccessible } from './fixtures';
import { parse as parseYaml } from 'yaml';
import { classPack, GIFT_EXPORT } from './packs-fixtures';

const TITLE = 'Week 3: asynchronous Lambda';
const IDS = ['q-one', 'q-two', 'q-three'];
/** Screenshots for the issue, when SHOTS_DIR is set (npm test leaves it unset). */
const SHOTS = process.env.SHOTS_DIR;

async function shoot(page: Page, name: string, region?: Locator) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [label, width] of [
    ['desktop', 1280],
    ['phone', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    if (region) await region.screenshot({ path: `${SHOTS}/${name}-${label}.png` });
    else await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}


/** A learner's results file as the app writes it: `marks[i]` says whether question i was answered right. */
function resultsFile(learner: string, marks: boolean[]): string {
  const answers = marks.map((m, i) => ({ question: IDS[i], options: 4, selected: [m ? 0 : 1 + (i % 3)], correct: m, timeMs: 40_000 + i * 1000, answeredAt: 1_700_000_000_000 }));
  const correct = answers.filter((a) => a.correct).length;
  return JSON.stringify({
    format: 'lambda-ops-lab-results',
    v: 1,
    learner,
    pack: { id: 'class-week-3', version: '1.0.0', title: TITLE },
    exportedAt: 1_700_000_000_000,
    score: { answered: answers.length, correct, percent: Math.round((correct / answers.length) * 1000) / 10 },
    answers,
  });
}

test('a learner takes the class exam and exports a results file with only their answers and the name they type', async ({ page }) => {
  const blueprint = { title: 'Week 3 class exam', questions: 3, minutes: 0, domainWeights: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0 } };
  await page.goto('/packs/');
  await waitForStorage(page);
  await page.getByLabel('Pack file to import').setInputFiles({ name: 'week3.yaml', mimeType: 'text/plain', buffer: Buffer.from(classPack('1.0.0', IDS, { exam: blueprint })) });
  await page.getByRole('button', { name: 'Import pack' }).click();
  const card = page.getByRole('article', { name: TITLE });
  await expect(card).toBeVisible();

  // Before any exam there is nothing to export, and the learner is told why.
  await card.getByRole('button', { name: /^Export my results/ }).click();
  const form = card.getByRole('form', { name: `Export my results for ${TITLE}` });
  await expect(form.getByLabel('Your name')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Type your name, as your instructor knows you.');
  await page.keyboard.type('Ana Lima');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('You have not answered any question of');

  // The class exam, by keyboard: 1 picks the first option shown, N goes on.
  await page.goto('/exam/');
  await waitForStorage(page);
  await page.getByRole('radio', { name: /Week 3 class exam/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole('heading', { name: `Question ${i} of 3` })).toBeVisible();
    await page.keyboard.press('1');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
    await page.keyboard.press('n');
  }
  await page.getByRole('button', { name: 'Submit exam…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByRole('heading', { name: 'Estimated scaled score' })).toBeVisible();

  await page.goto('/packs/');
  await waitForStorage(page);
  await page.getByRole('article', { name: TITLE }).getByRole('button', { name: /^Export my results/ }).click();
  await page.getByLabel('Your name').fill('Ana Lima');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save results file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('results-class-week-3-ana-lima.json');
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as Record<string, unknown> & { answers: Array<Record<string, unknown>> };
  expect(Object.keys(saved).sort()).toEqual(['answers', 'exportedAt', 'format', 'learner', 'pack', 'score', 'v']);
  expect(saved).toMatchObject({ format: 'lambda-ops-lab-results', v: 1, learner: 'Ana Lima', pack: { id: 'class-week-3', version: '1.0.0', title: TITLE } });
  expect(saved.answers.map((a) => a.question).sort()).toEqual([...IDS].sort());
  for (const a of saved.answers) expect(Object.keys(a).sort()).toEqual(['answeredAt', 'correct', 'options', 'question', 'selected', 'timeMs']);
  await expect(page.getByRole('status').filter({ hasText: 'Saved results-class-week-3-ana-lima.json: 3 answers' })).toBeVisible();

  // The instructor's side of the same file: the page reads it back.
  await page.goto('/instructor/');
  await page.getByLabel('Results files to analyse').setInputFiles(await file.path());
  await expect(page.getByRole('list', { name: 'Files added' })).toContainText('Ana Lima: 3 answers');
  // The pack is installed in this browser, so each question shows its text and its right option.
  await expect(page.getByRole('table', { name: 'Item analysis, one row per question' })).toContainText('Class question q-one');
  await expect(page.getByRole('table', { name: 'Item analysis, one row per question' })).toContainText('A (right)');
});

test('an instructor adds many results files and sees item analysis, flags and CSV, all in the browser', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost')) requests.push(r.url());
  });
  await page.goto('/instructor/');
  await expect(page.getByRole('heading', { level: 1, name: 'How did the class do?' })).toBeVisible();
  await expectAccessible(page, 'empty');
  // L1 ✓✓✓, L2 ✓✓✗, L3 ✓✗✗, L4 ✗✗✓: q-three discriminates negatively (hand-computed in lib/packs/__tests__/results.test.ts).
  await page.getByLabel('Results files to analyse').setInputFiles([
    { name: 'l1.json', mimeType: 'application/json', buffer: Buffer.from(resultsFile('Learner One', [true, true, true])) },
    { name: 'l2.json', mimeType: 'application/json', buffer: Buffer.from(resultsFile('Learner Two', [true, true, false])) },
    { name: 'l3.json', mimeType: 'application/json', buffer: Buffer.from(resultsFile('Learner Three', [true, false, false])) },
    { name: 'l4.json', mimeType: 'application/json', buffer: Buffer.from(resultsFile('=Learner Four', [false, false, true])) },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') },
  ]);
  const files = page.getByRole('list', { name: 'Files added' });
  await expect(files).toContainText('Learner Two: 3 answers');
  await expect(files).toContainText('notes.json');
  await expect(files).toContainText('Not used: this is not a results file');

  await expect(page.getByRole('heading', { name: `Item analysis: ${TITLE}` })).toBeVisible();
  await expect(page.getByText('4 learners · 3 questions · mean score 58.3%')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('1 question has negative discrimination');
  await expect(page.getByRole('note')).toContainText('q-three');
  const items = page.getByRole('table', { name: 'Item analysis, one row per question' });
  await expect(items.getByRole('row', { name: /q-one/ })).toContainText('75%');
  await expect(items.getByRole('row', { name: /q-two/ })).toContainText('0.58');
  await expect(items.getByRole('row', { name: /q-three/ })).toContainText('-0.30');
  await expect(items.getByRole('row', { name: /q-three/ })).toContainText('Negative discrimination');
  await expect(items.getByRole('row', { name: /q-three/ })).toContainText('A: 2');
  const learners = page.getByRole('table', { name: 'Score of each learner' });
  await expect(learners.getByRole('row', { name: /Learner Two/ })).toContainText('66.7%');
  await expectAccessible(page, 'analysis');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download learner scores (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // A typed name that starts like a formula is neutralised for spreadsheets.
  expect(csv).toContain("'=Learner Four,3,1,33.3,2.1");
  const itemsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download item analysis (CSV)' }).click();
  const itemsCsv = readFileSync(await (await itemsDownload).path(), 'utf8');
  expect(itemsCsv.split('\r\n')[3]).toBe('q-three,4,2,50,-0.302,42,2,0,0,2,negative-discrimination');
  await shoot(page, 'analysis');
  expect(requests).toEqual([]);
});

test('screenshots of the import preview (GIFT mapping and learner view)', async ({ page }) => {
  test.skip(!SHOTS, 'only when SHOTS_DIR is set');
  await page.goto('/packs/');
  await waitForStorage(page);
  await page.getByLabel('Pack file to import').setInputFiles({ name: 'week4.gift', mimeType: 'text/plain', buffer: Buffer.from(GIFT_EXPORT) });
  const step = page.getByRole('region', { name: /week4\.gift: choose the exam domain/ });
  await expect(step).toBeVisible();
  await shoot(page, 'preview-mapping', step);
  await step.getByLabel('Domain for “Week 4/Concurrency”').selectOption('1');
  await step.getByRole('button', { name: 'Convert again with these settings' }).click();
  await expect(page.getByRole('region', { name: 'The questions as learners will see them' })).toBeVisible();
  await shoot(page, 'preview', page.getByRole('region', { name: 'Week4' }));
});

/** A pack as a share link's fragment value, made the way the app makes it (deflate-raw, base64url). */
async function linkPayload(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
}

test('a pack shared as a link opens its preview, with its version and what changed since the installed one', async ({ page }) => {
  await page.goto('/packs/');
  await waitForStorage(page);
  await page.getByLabel('Pack file to import').setInputFiles({ name: 'week3.yaml', mimeType: 'text/plain', buffer: Buffer.from(classPack('1.0.0', ['q-one', 'q-two'])) });
  await page.getByRole('button', { name: 'Import pack' }).click();
  await expect(page.getByRole('article', { name: TITLE })).toContainText('Version 1.0.0');

  // The instructor's newer version arrives as a link: the pack is in the fragment, never sent to a server.
  const v2 = JSON.stringify(parseYaml(classPack('1.1.0', ['q-two', 'q-three'])));
  await page.goto(`/packs/#pack=${await linkPayload(v2)}`);
  await waitForStorage(page);
  const preview = page.getByRole('region', { name: TITLE });
  await expect(preview).toContainText('class-week-3 · version 1.1.0 · by J. Rivera');
  await expect(preview).toContainText('From shared link');
  await expect(preview).toContainText('Updates version 1.0.0 to 1.1.0.');
  await preview.getByText('What changed in version 1.1.0').click();
  await expect(preview).toContainText('New: Class question q-three');
  await expect(preview).toContainText('Removed: Class question q-one');
  await expect(page).toHaveURL(/\/packs\/$/);
  await preview.getByRole('button', { name: 'Update to version 1.1.0' }).click();
  const card = page.getByRole('article', { name: TITLE });
  await expect(card).toContainText('Version 1.1.0');

  // Any pack small enough can be shared the same way.
  await card.getByRole('button', { name: /^Copy share link/ }).click();
  const box = card.getByLabel(/^Share link/);
  await expect(box).toHaveValue(/^http:\/\/localhost:\d+\/packs\/#pack=[A-Za-z0-9_-]+$/);

  // A hostile link (a deflate bomb) is refused with a plain message, and nothing is saved.
  await page.goto(`/packs/#pack=${await linkPayload(`"${'a'.repeat(3_000_000)}"`)}`);
  await waitForStorage(page);
  await expect(page.getByRole('region', { name: 'The shared link cannot be imported' })).toContainText('unpacks to far more than a link may carry');
});
