import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The timeline and alarms, driven as a learner would. Screenshots go to SHOTS_DIR when it is set (they are
// looked at by a person; the assertions are what the test checks).
const SHOTS = process.env.SHOTS_DIR;

async function openPreset(page: Page, preset: string) {
  await page.goto(`/simulator/?preset=${preset}`);
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
}

async function counter(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(`counter-${id}`).locator('dd').first().textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

test('predict-then-run is honest: no outcome before Run, the debrief after the run', async ({ page }) => {
  await openPreset(page, 'scaling-rate-spike');
  // The default pace fits the scenario: a 60-second preset plays at 2× (30 s), not in a blur.
  await expect(page.getByLabel('Speed')).toHaveValue('2');
  // Nothing has happened yet: no invocations, no throttles, and neither the explanation nor the debrief is on the page.
  expect(await counter(page, 'throttles')).toBe(0);
  expect(await counter(page, 'invocations')).toBe(0);
  await expect(page.getByTestId('after-run')).toHaveCount(0);
  await expect(page.getByText('scaling-rate reason')).toHaveCount(0);
  await page.getByLabel('Speed').selectOption('1000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('after-run')).toContainText('scaling-rate reason');
});

for (const vp of [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
test.describe(vp.name, () => {
test.use({ viewport: vp.viewport });

test('the alarm view: states, threshold chart with the ALARM period shaded, history and narration', async ({ page }) => {
  await openPreset(page, 'alarm-error-rate');
  const alarm = page.getByTestId('alarm-checkout-error-rate');
  // Before Run every alarm is INSUFFICIENT_DATA: no datapoint yet, so nothing gives the outcome away.
  await expect(alarm).toContainText('INSUFFICIENT_DATA');
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 40_000 });
  await expect(alarm).toContainText('OK');
  await expect(alarm).toContainText('100 * errors / invocations > 5 for 2 of 3 × 60 s');
  await expect(page.getByTestId('alarm-chart-checkout-error-rate')).toHaveAttribute('aria-label', /In ALARM from 5:00 to 8:00/);
  await alarm.getByText(/State history/).click();
  await expect(alarm).toContainText('OK → ALARM');
  await expect(page.getByTestId('narration')).toContainText('Alarm checkout-error-rate went from OK to ALARM');
  if (SHOTS) {
    await page.getByRole('region', { name: 'CloudWatch alarms' }).scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'CloudWatch alarms' }).screenshot({ path: `${SHOTS}/alarm-view-${vp.name}.png` });
  }
});

test('scrub back and forth: the same state comes back; zoom the lanes on a 50-request burst', async ({ page }) => {
  await openPreset(page, 'throttle-storm-reserved');
  await page.getByLabel('Speed').selectOption('1000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Finished' })).toBeVisible({ timeout: 30_000 });
  const atEnd = await counter(page, 'throttles');
  // Scrub back to 0:20 with the keyboard: the run is replayed to that moment.
  const scrubber = page.getByTestId('scrubber');
  await scrubber.focus();
  await scrubber.fill('20000');
  await expect(page.getByText(/0:20(\.0+)? \/ 1:30|0:20.* \/ 1:30/)).toBeVisible();
  await expect.poll(() => counter(page, 'throttles')).toBeLessThan(atEnd);
  const at20 = await counter(page, 'throttles');
  expect(at20).toBeGreaterThan(0);
  // Forward to the end again: exactly the same totals.
  await scrubber.fill('90000');
  await expect.poll(() => counter(page, 'throttles')).toBe(atEnd);

});

test('a 50-request burst is readable once the lanes are zoomed in', async ({ page }) => {
  await page.goto('/simulator/');
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  const scrubber = page.getByTestId('scrubber');
  await scrubber.focus();
  await scrubber.fill('10000');
  await expect(page.getByText(/0:10.* \/ 10:00/)).toBeVisible();
  await page.getByLabel('Burst size').fill('50');
  await page.getByRole('button', { name: 'Send a burst of 50' }).click();
  await expect(page.getByText('50 events sent')).toBeVisible();
  await page.getByLabel('Speed').selectOption('1');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  // At real time the burst at 0:10 is served within a second or two of simulated time.
  await expect.poll(() => counter(page, 'invocations'), { timeout: 20_000 }).toBe(50);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // 600 s → 150 s → 37.5 s → about 9 s around the burst.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in on the time axis' }).click();
  await expect(page.getByTestId('lanes-window')).toContainText(/0:0\d–0:1\d/);
  if (SHOTS) {
    const lanes = page.getByRole('region', { name: 'Execution environments' });
    await lanes.scrollIntoViewIfNeeded();
    await lanes.screenshot({ path: `${SHOTS}/zoomed-burst-${vp.name}.png` });
  }
  await page.getByRole('button', { name: 'Zoom out on the time axis' }).click();
  await expect(page.getByTestId('lanes-window')).toContainText(/–/);
});
});
}
