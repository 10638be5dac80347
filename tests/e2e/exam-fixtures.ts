import type { Page } from '@playwright/test';
import { expect, waitForStorage } from './fixtures';

/** Starts a custom exam of `questions` questions from the exam page, as a learner sets one up. */
export async function startCustom(page: Page, questions: number, untimed: boolean) {
  await page.goto('/exam/');
  await waitForStorage(page);
  await page.getByRole('radio', { name: /Custom exam/ }).check();
  await page.getByLabel('Number of questions').fill(String(questions));
  if (untimed) await page.getByLabel('Untimed').check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { name: `Question 1 of ${questions}` })).toBeVisible();
}
