import { describe, expect, it } from 'vitest';
import type { LessonMeta } from '../lesson-index';
import { findOutdatedClaims, internalLinks, lintContent } from '../lint';
import { SEED_SECTIONS } from '../seed-sections';

function lesson(slug: string, extra: Partial<LessonMeta> = {}, source = ''): { meta: LessonMeta; source: string; file: string } {
  return {
    file: `content/lessons/${slug}.mdx`,
    source,
    meta: {
      slug, title: slug, summary: 'A summary long enough.', module: 'foundations', order: 1, domains: [1],
      objectives: ['one objective', 'two objective'], minutes: 5, seedSections: SEED_SECTIONS.map((s) => s.id),
      keyFacts: [], references: [], headings: [{ depth: 2, id: 'retries', text: 'Retries' }], words: 10,
      embeds: { presets: [], checkpoints: [] },
      ...extra,
    },
  };
}

describe('outdated claims', () => {
  it.each([
    ['The async payload limit is 256 KB.'],
    ['Send the async event (up to 256 KB) to the SQS queue.'],
    ['Lambda bursts to 500–3,000 environments per Region.'],
    ['aws lambda create-function --runtime python3.9'],
    ['The package can be 250 MB when zipped in S3.'],
  ])('flags "%s"', (line) => {
    expect(findOutdatedClaims(line)).toHaveLength(1);
  });

  it.each([
    ['Older notes say 256 KB for async payloads; the limit is now 1 MB.'],
    ['The Region burst of 500–3,000 was replaced in November 2023.'],
    ['python3.9 was deprecated on 15 December 2025.'],
    ['Asynchronous events can be up to 1 MB, but an SNS topic takes at most 256 KB, so a larger event cannot reach an SNS DLQ.'],
  ])('allows a line that corrects it: "%s"', (line) => {
    expect(findOutdatedClaims(line)).toEqual([]);
  });
});

describe('lintContent', () => {
  it('finds broken internal links and anchors', () => {
    expect(internalLinks('See [retries](/learn/async/#retries) and [x](/learn/nope/).').map((l) => l.target)).toEqual(['/learn/async/#retries', '/learn/nope/']);
    const problems = lintContent({
      lessons: [lesson('async', {}, 'See [a](/learn/async/#retries), [b](/learn/async/#missing) and [c](/learn/nope/).')],
      presets: new Set(),
      questions: [],
    });
    expect(problems.map((p) => p.message)).toEqual([
      'link to "/learn/async/#missing": lesson "async" has no heading with anchor "#missing"',
      'link to "/learn/nope/": no lesson "nope"',
    ]);
  });

  it('requires every seed section to be taught and every embed to exist', () => {
    const problems = lintContent({
      lessons: [lesson('only', { seedSections: ['limits'], embeds: { presets: ['ghost'], checkpoints: ['only'] } })],
      presets: new Set(['real']),
      questions: [],
    });
    const messages = problems.map((p) => p.message);
    expect(messages.filter((m) => m.startsWith('seed section'))).toHaveLength(SEED_SECTIONS.length - 1);
    expect(messages).toContain('<SimulatorEmbed preset="ghost">: no scenario content/scenarios/ghost.json');
    expect(messages).toContain('<Checkpoint lesson="only">: no built-in question is linked to lesson "only"');
  });

  it('counts questions per seed section through their topics', () => {
    const questions = Array.from({ length: 3 }, (_, i) => ({ key: `p/q${i}`, file: 'p.yaml', text: 'ok', lessons: ['a'], topics: ['limits'] }));
    const problems = lintContent({ lessons: [lesson('a')], presets: new Set(), questions }, { minQuestionsPerSection: 3 });
    expect(problems.some((p) => p.message.startsWith('seed section "limits"'))).toBe(false);
    expect(problems.some((p) => p.message.startsWith('seed section "vpc" has 0 questions'))).toBe(true);
  });
});
