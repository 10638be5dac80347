import type { Page } from '@playwright/test';
import { test, expect, recordBankRequests, waitForStorage, expectAccessible } from './fixtures';

// Monday 2 March 2026, 10:00 in the browser's zone (UTC in CI); the exam is seven weeks later.
const NOW = new Date('2026-03-02T10:00:00Z');
const SHOTS = process.env.SHOTS_DIR;

async function setPlan(page: Page, date: string, minutes: string, confirm: boolean) {
  const form = page.getByRole('form', { name: 'Exam plan' });
  await form.getByLabel('Exam date').fill(date);
  await form.getByLabel('Minutes a day').fill(minutes);
  await form.getByRole('checkbox', { name: 'Sunday' }).focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Minutes a day').focus();
  await page.keyboard.press('Enter');
  // On first use of Progress the form gives way to the plan itself, which is the confirmation.
  if (confirm) await expect(form.getByRole('status')).toHaveText(/Saved/);
}

test('a learner sets an exam date on first use of Progress and reads the plan and the forecast', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.goto('/progress/');
  await waitForStorage(page);

  const plan = page.getByRole('region', { name: 'Plan to exam day' });
  await expect(plan.getByText(/Booked your exam\?/)).toBeVisible();
  await setPlan(page, '2026-04-20', '45', false);

  await expect(plan.getByTestId('plan-today')).toContainText('49 days to your exam');
  await expect(plan.getByTestId('plan-today')).toContainText('Monday 20 April');
  const calendar = plan.getByRole('table', { name: /Daily plan/ });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole('cell', { name: /full practice exam/ })).toHaveCount(3);
  await expect(calendar.getByRole('cell', { name: /^Sunday 8 March: .*easy day/ })).toBeVisible();
  await expect(calendar.getByRole('cell', { name: /Monday 20 April/ })).toContainText('Exam');

  const readiness = page.getByRole('region', { name: 'Exam readiness' });
  await expect(readiness.getByText(/Forecast for exam day, Monday 20 April/)).toBeVisible();
  await expect(readiness.getByTestId('forecast-score')).toHaveText(/^\d{3,4}$/);
  await expect(readiness.getByText(/Chance of 720 or more/)).toBeVisible();
  await expect(readiness.getByText(/How it is computed/)).toBeVisible();
  await expect(readiness.getByRole('list', { name: 'Study next' }).getByRole('listitem')).toHaveCount(3);
  await expect(readiness.getByRole('table', { name: 'By exam domain' }).getByRole('row')).toHaveCount(6);
  await expect(page.getByText('Last practice exam')).toBeVisible();
  await expectAccessible(page, 'progress with a plan', { dark: true });

  if (SHOTS) {
    for (const [name, width] of [
      ['desktop', 1280],
      ['phone', 375],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await readiness.screenshot({ path: `${SHOTS}/forecast-${name}.png` });
      await plan.screenshot({ path: `${SHOTS}/plan-${name}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // It is kept: after a reload, on the home page next to the mock exam score, and on Review.
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByTestId('plan-today')).toContainText('49 days to your exam');
  await page.goto('/');
  await waitForStorage(page);
  await expect(page.getByTestId('home-readiness')).toContainText('Forecast for exam day (49 days)');
  await expect(page.getByTestId('home-readiness').getByTestId('forecast-score')).toHaveText(/^\d{3,4}$/);
  if (SHOTS) await page.getByRole('region', { name: 'Your study dashboard' }).screenshot({ path: `${SHOTS}/home-desktop.png` });
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(page.getByTestId('review-plan-note')).toContainText('Following your exam plan (49 days to go)');
  await expectAccessible(page, 'progress');
});

test('the plan says when the budget is too small, and ends gracefully after the exam date', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.goto('/review/');
  await waitForStorage(page);
  await setPlan(page, '2026-03-12', '5', true);

  await page.goto('/progress/');
  await waitForStorage(page);
  const alert = page.getByRole('region', { name: 'Plan to exam day' }).getByRole('alert');
  await expect(alert).toContainText('This plan does not fit your time budget');
  await expect(alert).toContainText(/cannot be started by/);
  await expect(alert).toContainText(/A full practice exam takes 130 minutes/);

  await page.clock.setSystemTime(new Date('2026-03-15T10:00:00Z'));
  await page.reload();
  await waitForStorage(page);
  await expect(page.getByText(/has passed, so the plan has ended/)).toBeVisible();
  await page.getByText('Change exam date, time budget or easy days').click();
  await expect(page.getByRole('form', { name: 'Exam plan' }).getByRole('button', { name: 'Clear exam date' })).toBeVisible();
  await page.goto('/review/');
  await waitForStorage(page);
  await expect(page.getByText(/reviews follow your daily limits again/)).toBeVisible();
});

test('a first-time learner is told how to get a forecast, and the home page does not download the question bank for it', async ({ page }) => {
  const bankRequests = recordBankRequests(page);
  await page.goto('/');
  await waitForStorage(page);
  const forecast = page.getByTestId('home-readiness');
  await expect(forecast).toContainText('once you have reviewed some questions or set an exam date');
  await expect(page.getByTestId('due-today')).toBeVisible();
  expect(bankRequests).toEqual([]);
  await forecast.getByRole('link', { name: 'Set your exam date' }).click();
  await expect(page.getByRole('form', { name: 'Exam plan' })).toBeVisible();
});
