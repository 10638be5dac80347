/**
 * The core bank's promises (question bank v2): big enough for five mock exams per domain without a repeat,
 * mostly exam-style scenarios, every wrong option tied to a misconception, and enough "see it happen" links.
 * The packs are read from content/packs with the build's own options, so this fails exactly when the bank
 * slips below what the README and docs claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankStats } from '../../packs/bank-stats';
import { parsePack, type Pack } from '../../packs';

const root = fileURLToPath(new URL('../../../content/', import.meta.url));
const lessons = new Set(readdirSync(`${root}lessons`).map((f) => f.replace(/\.mdx$/, '')));
const presets = new Set(readdirSync(`${root}scenarios`).map((f) => f.replace(/\.json$/, '')));

const packs: Pack[] = readdirSync(`${root}packs`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const result = parsePack(readFileSync(`${root}packs/${f}`, 'utf8'), f, { knownLessons: lessons, knownPresets: presets, requireKnownTopics: true, bankStandard: true });
    if (!result.ok) throw new Error(`${f} does not validate: ${result.errors[0]?.message ?? ''}`);
    return result.pack;
  });
const stats = bankStats(packs);
const questions = packs.flatMap((p) => p.questions);

describe('core question bank', () => {
  it('has at least 600 questions, 70% of them exam-style scenarios', () => {
    expect(stats.questions).toBeGreaterThanOrEqual(600);
    expect(stats.byStyle.unmarked).toBe(0);
    expect(stats.scenarioShare).toBeGreaterThanOrEqual(0.7);
  });

  it('has pools for five mock exams per domain without repeating a question', () => {
    // 65 questions × the domain weight × 5 exams, rounded up: 22% → 72, 16% → 52, 18% → 59.
    const minimum = { 1: 75, 2: 75, 3: 75, 4: 60, 5: 60 } as const;
    for (const d of [1, 2, 3, 4, 5] as const) expect(stats.examPoolByDomain[d], `domain ${d}`).toBeGreaterThanOrEqual(minimum[d]);
  });

  it('writes scenario stems as situations, not one-liners', () => {
    expect(stats.medianScenarioStemWords).toBeGreaterThanOrEqual(60);
  });

  it('names a misconception on every wrong option', () => {
    expect(stats.misconceptions.coverage).toBe(1);
  });

  it('links at least 80 questions to a simulator preset that exists', () => {
    expect(stats.simulation.linked).toBeGreaterThanOrEqual(80);
    for (const id of Object.keys(stats.simulation.byPreset)) expect(presets.has(id), id).toBe(true);
  });

  it('keeps questions about the exam itself out of mock exams', () => {
    const aboutTheExam = questions.filter((q) => q.topics.includes('exam'));
    expect(aboutTheExam.length).toBeGreaterThan(0);
    for (const q of aboutTheExam) expect(q.practiceOnly, q.id).toBe(true);
  });

  it('cites one to three references and explains every question', () => {
    for (const q of questions) {
      expect(q.references.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.references.length, q.id).toBeLessThanOrEqual(3);
      expect(q.explanation?.trim(), q.id).toBeTruthy();
    }
  });
});
