import type { Page } from '@playwright/test';
import { test, expect, waitForStorage, expectAccessible } from './fixtures';

// The instructor's example pack (docs/examples): one scenario of its own and one question linking to it.
const EXAMPLE_FILE = 'docs/examples/example-pack-scenarios.yaml';
const PACK_TITLE = 'Example pack - a class scenario';
const SCENARIO_TITLE = 'Class lab: checkout capped at 5';
const SHOTS = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: false });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function importExample(page: Page) {
  await page.goto('/packs/');
  await waitForStorage(page);
  await expect(page.getByText(/packs? switched on/)).toBeVisible();
  await page.getByLabel('Pack file to import').setInputFiles(EXAMPLE_FILE);
  const preview = page.getByRole('region', { name: PACK_TITLE });
  await expect(preview).toContainText('Preview: nothing is saved yet');
  // The preview counts the pack's scenarios and says which question opens one.
  const scenarios = preview.getByRole('term').filter({ hasText: 'Simulator scenarios' });
  await expect(scenarios).toBeVisible();
  await expect(preview).toContainText(SCENARIO_TITLE);
  await expect(preview).toContainText('1 question opens one after answering');
  await expectAccessible(page, 'preview');
  await shot(page, 'pack-preview');
  await preview.getByRole('button', { name: 'Import pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: PACK_TITLE })).toBeVisible();
}

test('a pack carries its own scenario: import, answer its question, and see it happen in the simulator', async ({ page }) => {
  await importExample(page);
  await page.getByRole('article', { name: PACK_TITLE }).getByRole('link', { name: /Practise this pack/ }).click();
  await expect(page).toHaveURL(/\/quiz\/\?pack=example-class-scenarios/);
  await page.getByRole('button', { name: 'Start quiz' }).click();

  const card = page.getByRole('group', { name: /Question 1 of 1/ });
  await card.getByText('About half of the requests fail at once with a 429 throttling error.').click();
  await card.getByRole('button', { name: 'Submit answer' }).click();
  await expect(card.getByRole('status')).toHaveText('Correct.');
  const link = card.getByRole('link', { name: 'See it happen in the simulator' });
  await expect(link).toHaveAttribute('href', '/simulator/?pack=example-class-scenarios&scenario=checkout-reserved-five');
  await link.click();

  await expect(page).toHaveURL(/\/simulator\/\?pack=example-class-scenarios&scenario=checkout-reserved-five/);
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 2, name: SCENARIO_TITLE })).toBeVisible();
  await expect(page.getByTestId('pack-scenario-source')).toHaveText(`Scenario from your imported pack “${PACK_TITLE}”`);
  await expect(page.getByLabel('Scenario')).toHaveValue('__pack__');
  await expect(page.getByText(/The checkout function has reserved concurrency 5/)).toBeVisible();

  await page.getByLabel('Speed').selectOption('1000');
  await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
  // The pack's scenario ran: reserved concurrency 5 held, and the excess was throttled.
  await expect(page.getByTestId('counter-concurrency')).toContainText('limit 5');
  const throttles = Number(((await page.getByTestId('counter-throttles').locator('dd').first().textContent()) ?? '').replace(/[^\d]/g, ''));
  expect(throttles).toBeGreaterThan(200);
  await expect(page.getByTestId('after-run')).toContainText('ConcurrentExecutions stayed at 5');
  await expectAccessible(page, 'simulator with a pack scenario');
  await shot(page, 'simulator-pack-scenario');

  // A reload opens the same pack scenario from the short link.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: SCENARIO_TITLE })).toBeVisible({ timeout: 20_000 });
});

test('a link to a removed pack says so and offers the Packs page, never a crash', async ({ page }) => {
  await importExample(page);
  const card = page.getByRole('article', { name: PACK_TITLE });
  await card.getByRole('button', { name: /Remove/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
  await expect(page.getByRole('article', { name: PACK_TITLE })).toHaveCount(0);

  await page.goto('/simulator/?pack=example-class-scenarios&scenario=checkout-reserved-five');
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  const alert = page.getByRole('alert').filter({ hasText: 'that pack is not in this browser' });
  await expect(alert).toContainText('the scenario "checkout-reserved-five" of the question pack "example-class-scenarios"');
  await expect(page.getByRole('heading', { level: 2, name: 'Blank function' })).toBeVisible();
  await expectAccessible(page, 'simulator, pack removed');
  await shot(page, 'simulator-pack-removed');
  // The address keeps the pack link while its notice stands, so it opens once the pack is back.
  await expect(page).toHaveURL(/\?pack=example-class-scenarios&scenario=checkout-reserved-five$/);
  await alert.getByRole('link', { name: 'Go to the Packs page' }).click();
  await expect(page).toHaveURL(/\/packs\/$/);
  await importExample(page);
  await page.goto('/simulator/?pack=example-class-scenarios&scenario=checkout-reserved-five');
  await expect(page.getByRole('heading', { level: 2, name: SCENARIO_TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'that pack is not in this browser' })).toHaveCount(0);
});
