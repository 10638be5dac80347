import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SHOTS = process.env.SHOTS_DIR;

async function typeLine(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The plain-text transcript the terminal keeps for screen readers (xterm itself shows only the viewport). */
const screen = (page: Page) => page.getByTestId('cli-transcript');

/** Waits until the terminal in `scope` is running (its greeting is on screen), then focuses it for typing. */
async function focusTerminal(scope: Page | Locator, greeting: string): Promise<Locator> {
  const term = scope.getByTestId('cli-terminal');
  await expect(term.locator('.xterm-rows')).toContainText(greeting);
  await term.click();
  return term;
}

/** Opens the simulator and waits until it is live: a click on the server-rendered tabs before that would be lost. */
async function openSimulator(page: Page) {
  await page.goto('/simulator/');
  await expect(page.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
}

/** Opens the simulator's Terminal tab and asks for the scenario's first function name, which it returns. */
async function firstFunctionInTerminal(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await focusTerminal(page, 'Simulated AWS CLI');
  await typeLine(page, 'aws lambda list-functions --query "Functions[0].FunctionName" --output text');
  await expect(screen(page).locator('pre')).toHaveCount(1);
  return (await screen(page).locator('pre').first().textContent())!.split('\n')[1]!.trim();
}

test('a learner solves a lab in the terminal: completion, a failing check, the fix, a pass recorded on the labs page', async ({ page }) => {
  await page.goto('/labs/fix-timeouts/');
  await expect(page.getByRole('heading', { level: 1, name: 'Stop the timeouts without paying for idle time' })).toBeVisible();
  const term = page.getByTestId('cli-terminal');
  await expect(term.locator('.xterm-rows')).toContainText('Lab: Stop the timeouts');
  // xterm's screen-reader rows are built on first focus, not at load.
  await expect(term.locator('.xterm-accessibility-tree')).toHaveCount(0);
  await term.click();
  await expect(term.locator('.xterm-accessibility-tree')).toHaveCount(1);
  await page.keyboard.type('aws lambda get-function-configuration --function-name rep');
  await page.keyboard.press('Tab');
  await expect(term.locator('.xterm-rows')).toContainText('--function-name report-builder');
  await page.keyboard.type('--query Timeout');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^3$/m);
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Not yet.');
  await term.click();
  await typeLine(page, 'aws lambda update-function-configuration --function-name report-builder --timeout 1000');
  await expect(screen(page)).toContainText('ValidationException');
  await expect(screen(page)).toContainText('[exit 254]');
  // History: up arrow brings the last command back to edit.
  await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await typeLine(page, '10 --query Timeout');
  await expect(screen(page)).toContainText(/^10$/m);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-desktop.png`, fullPage: true });
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Lab passed.');
  await page.goto('/labs/');
  const item = page.getByRole('listitem').filter({ hasText: 'Stop the timeouts' });
  await expect(item.getByText('Passed')).toBeVisible();
});

test('the simulator page has a terminal whose configuration changes reach the page', async ({ page }) => {
  await openSimulator(page);
  const name = await firstFunctionInTerminal(page);
  expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
  await typeLine(page, `aws lambda update-function-configuration --function-name ${name} --timeout 77 --query Timeout`);
  await expect(screen(page)).toContainText(/^77$/m);
  await typeLine(page, `aws lambda invoke --function-name ${name} --log-type Tail --query LogResult --output text out.json | base64 --decode`);
  await expect(screen(page)).toContainText('REPORT RequestId');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/simulator-desktop.png`, fullPage: false });
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Configuration' }).getByLabel('Timeout (s)', { exact: true })).toHaveValue('77');
  // The invocation also went to the page's run: the run's share link carries it as an injection.
  await page.getByRole('button', { name: 'Share this run' }).click();
  await expect.poll(() => page.getByTestId('share-url').inputValue()).toMatch(/[?&]i=/);
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the lab terminal fits a phone and runs a command', async ({ page }) => {
    await page.goto('/labs/canary-ten-percent/');
    const term = await focusTerminal(page, 'Lab:');
    await typeLine(page, 'aws lambda list-aliases --function-name checkout --output table');
    await expect(screen(page)).toContainText('ListAliases');
    const box = await term.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-phone.png`, fullPage: true });
  });
});

test('a lesson embeds a lab whose terminal runs commands', async ({ page }) => {
  await page.goto('/learn/cli-operations/');
  const lab = page.getByRole('region', { name: 'Lab: Stop the timeouts without paying for idle time' });
  // Far down the lesson, the terminal waits for the learner to come near: the top of the page loads without it.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(lab.getByText('Loading terminal…')).toBeAttached();
  await expect(page.locator('.xterm')).toHaveCount(0);
  await lab.scrollIntoViewIfNeeded();
  await focusTerminal(lab, 'Lab:');
  await typeLine(page, 'aws lambda list-functions --query "Functions[].[FunctionName,Timeout]" --output text');
  await expect(lab.getByTestId('cli-transcript')).toContainText('report-builder\t3');
});

test('a shared lab link replays the commands on the starting account', async ({ page, context }) => {
  await page.goto('/labs/canary-ten-percent/');
  await focusTerminal(page, 'Lab:');
  await typeLine(page, `aws lambda update-alias --function-name checkout --name live --routing-config 'AdditionalVersionWeights={"2"=0.1}' --query RoutingConfig --output text`);
  await expect(screen(page)).toContainText('0.1');
  await page.getByRole('button', { name: 'Share my commands' }).click();
  const url = await page.getByTestId('cli-share-url').inputValue();
  expect(url).toMatch(/\/labs\/canary-ten-percent\/\?cli=/);
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('cli-transcript')).toContainText('AdditionalVersionWeights');
  await other.getByRole('button', { name: 'Check my work' }).click();
  await expect(other.getByRole('region', { name: 'Result' })).toContainText('Lab passed.');
});

test('what the page changes, the terminal sees: a reserved-concurrency edit and a throttled burst', async ({ page }) => {
  await openSimulator(page);
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const config = page.getByRole('tabpanel', { name: 'Configuration' });
  await config.getByLabel('Reserve concurrency').check();
  await config.getByLabel('Reserved concurrency', { exact: true }).fill('5');
  await config.getByRole('button', { name: 'Apply and restart' }).click();
  await expect(page.getByTestId('lane-summary')).toContainText('reserved concurrency 5');
  await page.getByLabel('Burst size').fill('50');
  await page.getByRole('button', { name: 'Send a burst of 50' }).click();
  await expect(page.getByText('50 events sent')).toBeVisible();
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('counter-throttles').locator('dd').first()).toHaveText(/^45\b/);

  const name = await firstFunctionInTerminal(page);
  await typeLine(page, `aws lambda get-function-concurrency --function-name ${name} --query ReservedConcurrentExecutions`);
  await expect(screen(page).locator('pre')).toHaveCount(2);
  await expect(screen(page).locator('pre').nth(1)).toContainText(/^5$/m);
  // The burst the page sent is in the terminal's CloudWatch: 45 throttles in the first hour.
  await typeLine(
    page,
    `aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name Throttles --dimensions Name=FunctionName,Value=${name} --start-time 2026-03-01T09:00:00Z --end-time 2026-03-01T10:00:00Z --period 3600 --statistics Sum --query "Datapoints[0].Sum"`,
  );
  await expect(screen(page).locator('pre')).toHaveCount(3);
  await expect(screen(page).locator('pre').nth(2)).toContainText(/^45(\.0)?$/m);
});

test('a simulator share link carries the terminal session, which replays on opening', async ({ page, context }) => {
  await openSimulator(page);
  const name = await firstFunctionInTerminal(page);
  await typeLine(page, `aws lambda update-function-configuration --function-name ${name} --timeout 42 --query Timeout`);
  await expect(screen(page)).toContainText(/^42$/m);
  await page.getByRole('button', { name: 'Share this run' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/[?&]term=z[A-Za-z0-9_-]+/);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator('[data-sim-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await other.getByRole('tab', { name: 'Terminal' }).click();
  // The commands replay into the transcript, and the page's run has the configuration they left.
  await expect(other.getByTestId('cli-transcript')).toContainText(`--function-name ${name} --timeout 42`);
  await expect(other.getByTestId('cli-transcript')).toContainText(/^42$/m);
  await other.getByRole('tab', { name: 'Configuration' }).click();
  await expect(other.getByRole('tabpanel', { name: 'Configuration' }).getByLabel('Timeout (s)', { exact: true })).toHaveValue('42');
});

test('a passed lab’s key facts join review: the card browser lists them as studied', async ({ page }) => {
  await page.goto('/labs/fix-timeouts/');
  await focusTerminal(page, 'Lab: Stop the timeouts');
  await typeLine(page, 'aws lambda update-function-configuration --function-name report-builder --timeout 10 --query Timeout');
  await expect(screen(page)).toContainText(/^10$/m);
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Lab passed.');
  await expect(page.getByText('Saved to your progress. Its key facts are now review cards.')).toBeVisible();

  await page.goto('/browse/');
  await page.getByRole('searchbox', { name: 'Text' }).fill('default and the maximum Lambda function timeout');
  const card = page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Key fact · Lab: Stop the timeouts without paying for idle time');
  await expect(card).not.toContainText('· New');
  await expect(card).toContainText(/· due (in|now)/);
  // And the pass survives a reload, on the labs page and in the browser.
  await page.reload();
  await page.getByRole('searchbox', { name: 'Text' }).fill('default and the maximum Lambda function timeout');
  await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toContainText('Lab: Stop the timeouts');
});
