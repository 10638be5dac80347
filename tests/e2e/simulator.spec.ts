import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

// Each test drives the simulator the way a learner does (buttons, form fields, the keyboard) and runs at
// high speed, so a whole scenario takes a second or two of real time.

async function openSimulator(page: Page, query = '') {
  await page.goto(`/simulator/${query}`);
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
}

async function runToEnd(page: Page) {
  await page.getByLabel('Speed').selectOption('1000');
  await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
}

async function counter(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(`counter-${id}`).locator('dd').first().textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  return page.getByRole('tabpanel', { name });
}

/** Times (virtual seconds) in the Time column of the event table's rows. */
async function eventTimes(rows: Locator): Promise<number[]> {
  const cells = await rows.locator('td:first-child').allTextContents();
  return cells.map((c) => {
    const parts = c.trim().split(':').map(Number);
    return parts.reduce((acc, p) => acc * 60 + p, 0);
  });
}

test('a burst above reserved concurrency shows throttles in the counter, the chart and the narration', async ({ page }) => {
  await openSimulator(page);
  const config = await openTab(page, 'Configuration');
  await config.getByLabel('Reserve concurrency').check();
  await config.getByLabel('Reserved concurrency', { exact: true }).fill('5');
  await config.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible();
  await expect(page.getByTestId('lane-summary')).toContainText('reserved concurrency 5');

  // Fifty requests at the same instant: five find an environment, the other 45 get a 429.
  await page.getByLabel('Burst size').fill('50');
  await page.getByRole('button', { name: 'Send a burst of 50' }).click();
  await expect(page.getByText('50 events sent')).toBeVisible();
  // Step (→) processes the burst and stops.
  await page.getByRole('heading', { name: 'Lambda simulator' }).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => counter(page, 'throttles')).toBe(45);
  expect(await counter(page, 'invocations')).toBeLessThanOrEqual(5);

  await expect(page.getByTestId('narration')).toContainText('throttled (429 to the caller');
  await expect(page.getByTestId('narration')).toContainText('reserved concurrency of 5');

  // Space resumes; the run ends, and the Throttles metric holds the same 45.
  await page.keyboard.press('Space');
  await page.getByLabel('Speed').selectOption('1000');
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
  const metrics = await openTab(page, 'Metrics');
  await expect(metrics.getByTestId('chart-throttles')).toBeVisible();
  await expect(metrics.getByTestId('chart-throttles').getByRole('img')).toHaveAttribute('aria-label', /Throttles chart/);
  await metrics.getByRole('button', { name: 'Show as a table' }).click();
  const table = metrics.getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const col = headers.findIndex((h) => h.trim() === 'Throttles');
  expect(col).toBeGreaterThan(0);
  const cells = await table.locator(`tbody tr > :nth-child(${col + 1})`).allTextContents();
  expect(cells.reduce((n, c) => n + (Number(c.replace(/,/g, '')) || 0), 0)).toBe(45);
});

test('an always-failing async function retries about 1 and 2 minutes apart, then the event lands in the DLQ', async ({ page }) => {
  await openSimulator(page);
  const config = await openTab(page, 'Configuration');
  await config.getByLabel('Error rate (%)').fill('100');
  await config.getByText('Asynchronous invocation', { exact: true }).click();
  await config.getByLabel('Dead-letter queue').selectOption({ label: 'New SQS queue' });
  await config.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible();

  await page.getByLabel('Asynchronous source').selectOption('s3');
  await page.getByRole('button', { name: 'Send 1', exact: true }).click();
  await expect(page.getByText('1 event sent')).toBeVisible();
  await runToEnd(page);

  const events = await openTab(page, 'Events');
  await events.getByLabel('Follow an event id').fill('manual-s3-1');
  await events.getByRole('button', { name: 'Invocations' }).click();
  const starts = events.locator('tbody tr', { hasText: 'invoke-start' });
  await expect(starts).toHaveCount(3);
  const t = (await eventTimes(starts)).sort((a, b) => a - b);
  // Newest first in the table; sorted here: attempt 1, then ≈60 s after it failed, then ≈120 s after that.
  expect(t[1]! - t[0]!).toBeGreaterThan(55);
  expect(t[1]! - t[0]!).toBeLessThan(70);
  expect(t[2]! - t[1]!).toBeGreaterThan(115);
  expect(t[2]! - t[1]!).toBeLessThan(130);
  await events.getByRole('button', { name: 'Retries' }).click();
  await expect(events.locator('tbody tr', { hasText: 'async-retry' })).toHaveCount(2);
  await expect(events.getByText(/next attempt at/).first()).toBeVisible();

  const sinks = await openTab(page, 'DLQ & destinations');
  await expect(sinks.getByTestId('sink-count-my-function-dlq')).toHaveText(/^1 received/);
  await sinks.getByText('SQS message carrying: S3 event for manual-s3-1.json').click();
  await expect(sinks.getByTestId('sink-body')).toContainText('"eventSource": "aws:s3"');
  await expect(sinks.getByTestId('sink-body')).toContainText('"key": "manual-s3-1.json"');
  expect(await counter(page, 'dlq')).toBe(1);
});

test('an SQS poison message ends in the queue’s DLQ after maxReceiveCount receives', async ({ page }) => {
  await openSimulator(page, '?preset=sqs-poison-message-redrive');
  // Predict, then run.
  const predict = page.getByTestId('predict-panel');
  await predict.getByLabel('The whole batch of 10').check();
  await predict.getByRole('button', { name: 'Lock in my prediction' }).click();
  await runToEnd(page);
  await expect(predict.getByText('Your prediction was right.')).toBeVisible();

  const events = await openTab(page, 'Events');
  await events.getByLabel('Follow an event id').fill('order-42');
  await expect(events.locator('tbody tr', { hasText: 'sqs-redrive' })).toContainText('received 3 times (maxReceiveCount 3)');
  const sinks = await openTab(page, 'DLQ & destinations');
  await expect(sinks.getByTestId('sink-count-orders-dlq')).toHaveText(/^10 received/);
  await expect(sinks.getByText(/SQS message order-42 · received 3 times/)).toBeVisible();
});

test('a shared link reopens the same scenario, seed and moment', async ({ page, context }) => {
  await openSimulator(page, '?preset=throttle-storm-reserved');
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => counter(page, 'invocations'), { timeout: 15_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Send a burst of 50' }).click();
  await expect(page.getByText('50 events sent')).toBeVisible();
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByRole('button', { name: 'Step' }).click();
  await page.getByRole('button', { name: 'Share this run' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/\/simulator\/\?preset=throttle-storm-reserved&seed=11&t=\d+(\.\d+)?&i=/);
  const before = {
    time: await page.getByTestId('scrubber').getAttribute('aria-valuetext'),
    invocations: await counter(page, 'invocations'),
    throttles: await counter(page, 'throttles'),
    lanes: await page.getByTestId('lane-summary').textContent(),
  };

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await expect(other.getByRole('heading', { name: 'Throttle storm over reserved concurrency' })).toBeVisible();
  await expect.poll(() => counter(other, 'invocations')).toBe(before.invocations);
  expect(await counter(other, 'throttles')).toBe(before.throttles);
  await expect(other.getByTestId('lane-summary')).toHaveText(before.lanes!);
  expect(await other.getByTestId('scrubber').getAttribute('aria-valuetext')).toBe(before.time);
});

test('every tab of a finished run, and a lesson embed, pass axe in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  // Each state is checked in both schemes on the same DOM (the theme follows the system scheme).
  await openSimulator(page, '?preset=async-failure-to-dlq');
  await page.getByTestId('predict-panel').getByLabel('Your answer').fill('26');
  await runToEnd(page);
  // The whole page once, finished with the first tab open; then each other tab's panel, which is all a tab changes.
  await openTab(page, 'Metrics');
  await expect(page.getByTestId('chart-invocations')).toBeVisible();
  await expectAccessible(page, 'Metrics', { dark: true });
  for (const tab of ['Events', 'Logs', 'DLQ & destinations', 'Cost', 'Configuration']) {
    await openTab(page, tab);
    await expectAccessible(page, tab, { dark: true, include: '[role="tabpanel"]:not([hidden])' });
  }
  await page.getByRole('button', { name: 'Show as a table' }).first().click();
  await expectAccessible(page, 'lanes table', { dark: true });
  await page.goto('/learn/async-invocation/');
  const embed = page.getByRole('region', { name: 'Simulator' }).first();
  await embed.getByRole('button', { name: 'Load the simulator' }).click();
  await expect(embed.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await embed.getByRole('button', { name: 'Run', exact: true }).click();
  // Checked while it plays or once it has finished, with its lanes and counters drawn.
  await expect(embed.getByRole('button', { name: /^(Pause|Finished)$/ })).toBeVisible();
  // In a lesson, only the embed is ours to check (the lesson itself has its own axe run).
  await expectAccessible(page, 'embed', { dark: true, include: 'section[aria-label="Simulator"]' });
});

test('a lesson embed loads lazily and runs its preset', async ({ page }) => {
  await page.goto('/learn/sqs-event-source/');
  const embed = page.getByRole('region', { name: 'Simulator' }).last();
  await embed.scrollIntoViewIfNeeded();
  // Scrolled into view, it waits to be asked; loading it loads only this one.
  await expect(embed.getByRole('button', { name: 'Load the simulator' })).toBeVisible();
  const others = page.getByRole('region', { name: 'Simulator' });
  const count = await others.count();
  await embed.getByRole('button', { name: 'Load the simulator' }).click();
  await expect(embed.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-sim-status]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load the simulator' })).toHaveCount(count - 1);
  await expect(embed.getByRole('heading', { name: 'FIFO queue: message groups, order, and a blocked group' })).toBeVisible();
  await embed.getByLabel('Speed').selectOption('1000');
  await embed.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(embed.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
  await expect(embed.getByTestId('counter-invocations')).not.toContainText(/^Invocations0/);
  await expect(embed.getByRole('link', { name: /Open full size/ })).toHaveAttribute('href', '/simulator/?preset=sqs-fifo-ordering');
});
