/**
 * Helpers for the review and quiz tests: the built-in bank read from the export (so a test can answer a
 * question right or wrong on purpose), and answering the question card on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { waitForStorage } from './fixtures';

interface BankOption {
  text: string;
  correct?: boolean;
}
export interface BankQuestion {
  id: string;
  type: 'single' | 'multiple';
  stem: string;
  lessons: string[];
  options: BankOption[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

let bank: BankQuestion[] | undefined;
export function builtInQuestions(): BankQuestion[] {
  if (!bank) {
    const dir = path.join('out', 'data', 'packs');
    bank = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { questions: BankQuestion[] }).questions);
  }
  return bank;
}

/** Opens the quiz set-up for `query` (`lesson=…`, `topic=…`, `pack=…`) and starts it, with `questions` questions if given. */
export async function startQuiz(page: Page, query: string, questions?: number) {
  await page.goto(`/quiz/?${query}`);
  await waitForStorage(page);
  const form = page.getByRole('form', { name: 'Quiz set-up' });
  if (questions !== undefined) await form.getByLabel('Questions').selectOption(String(questions));
  await form.getByRole('button', { name: 'Start quiz' }).click();
}

/** The question shown in a card, found in the bank by its stem. */
export async function questionIn(card: Locator): Promise<BankQuestion> {
  const stem = norm(await card.locator('.prose').first().innerText());
  // The whole stem first: two questions can open with the same 80 characters.
  const bankQs = builtInQuestions();
  const found = bankQs.find((q) => norm(q.stem) === stem) ?? bankQs.find((q) => norm(q.stem).startsWith(stem.slice(0, 80)) || stem.startsWith(norm(q.stem).slice(0, 80)));
  if (!found) throw new Error(`question not found in the bank: ${stem.slice(0, 80)}`);
  return found;
}

/** The option labels of a question card, in display order. */
export function optionLabels(card: Locator): Locator {
  return card.locator('label:has(input[type="radio"], input[type="checkbox"])');
}

/** Ticks the options that make the answer right (or wrong) and submits with the keyboard. */
export async function answer(card: Locator, page: Page, correct: boolean): Promise<BankQuestion> {
  const q = await questionIn(card);
  const labels = optionLabels(card);
  const count = await labels.count();
  const shown: string[] = [];
  for (let i = 0; i < count; i++) shown.push(norm(await labels.nth(i).innerText()));
  // The shortest label holding the option's text: an option can be the start of another ("Lambda", "Lambda@Edge").
  // The whole text first (options can share their first 60 characters), a prefix only if rendering changed it.
  const positionOf = (o: BankOption) => {
    const find = (want: string) => shown.flatMap((t, i) => (t.includes(want) ? [{ i, length: t.length }] : [])).sort((a, b) => a.length - b.length)[0]?.i;
    return find(norm(o.text)) ?? find(norm(o.text).slice(0, 60)) ?? -1;
  };
  const right = q.options.filter((o) => o.correct).map(positionOf);
  const wrong = q.options.filter((o) => !o.correct).map(positionOf);
  expect([...right, ...wrong]).not.toContain(-1);
  // A wrong answer with the right number of choices: swap one right option for a wrong one.
  const picks = correct ? right : [wrong[0]!, ...right.slice(1)];
  // Keys go to the card from anywhere inside it (a lesson's checkpoint does not grab focus on its own).
  await card.locator('input').first().focus();
  for (const p of picks) await page.keyboard.press(String(p + 1));
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status').first()).toHaveText(correct ? /Correct/ : /Not quite/);
  return q;
}
