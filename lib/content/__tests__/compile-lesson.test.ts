import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileLesson, LessonBuildError } from '../compile-lesson';
import { splitFrontmatter } from '../frontmatter';
import { findIndexProblems, sortLessons } from '../lesson-index';
import { LESSON_SLUGS } from '../lesson-slugs';
import type { LessonFrontmatter } from '../lesson-schema';

const frontmatter: LessonFrontmatter = {
  slug: 'probe-lesson',
  title: 'A probe lesson',
  summary: 'A lesson that exists only for the tests of the content pipeline.',
  module: 'foundations',
  order: 1,
  domains: [1],
  objectives: ['Check the frontmatter', 'Check the headings'],
  minutes: 5,
  seedSections: ['what-is-lambda'],
  keyFacts: [
    { id: 'one', prompt: 'What is the first fact?', answer: 'One.' },
    { id: 'two', prompt: 'What is the second fact?', answer: 'Two.' },
    { id: 'three', prompt: 'What is the third fact?', answer: 'Three.' },
  ],
  references: [{ title: 'AWS Lambda', url: 'https://docs.aws.amazon.com/lambda/latest/dg/welcome.html' }],
};

const FILE = 'content/lessons/probe-lesson.mdx';
const lesson = (body: string, data: Record<string, unknown> = frontmatter) => `---\n${stringify(data)}---\n${body}`;

async function buildError(source: string, file = FILE): Promise<string> {
  try {
    await compileLesson(file, source);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonBuildError);
    return (error as Error).message;
  }
  throw new Error('expected the lesson to fail the build');
}

describe('compileLesson: frontmatter', () => {
  it('names the file when the frontmatter is missing', async () => {
    expect(await buildError('# No frontmatter\n')).toBe(`${FILE}: missing frontmatter (a --- YAML block at the top of the file)`);
  });

  it('names the file and every bad field', async () => {
    const message = await buildError(lesson('Body.\n', { ...frontmatter, module: 'nowhere', minutes: 0, extra: true }));
    expect(message.split('\n').sort()).toEqual([
      expect.stringMatching(/^content\/lessons\/probe-lesson\.mdx: frontmatter field "\(root\)": .*extra/),
      expect.stringMatching(/^content\/lessons\/probe-lesson\.mdx: frontmatter field "minutes": /),
      expect.stringMatching(/^content\/lessons\/probe-lesson\.mdx: frontmatter field "module": /),
    ]);
  });

  it('requires the slug to match the file name', async () => {
    expect(await buildError(lesson('Body.\n'), 'content/lessons/other-name.mdx')).toBe(
      'content/lessons/other-name.mdx: frontmatter field "slug": "probe-lesson" must match the file name "other-name"',
    );
  });
});

describe('compileLesson: the component registry', () => {
  it('accepts registered components and records what they embed', async () => {
    const body = '<Callout type="tip">Hi</Callout>\n\n<SimulatorEmbed preset="cold-start-burst" />\n\n<Checkpoint lesson="probe-lesson" />\n\n<Checkpoint lesson="probe-lesson" />\n';
    const { meta, code } = await compileLesson(FILE, lesson(body));
    expect(meta.embeds).toEqual({ presets: ['cold-start-burst'], checkpoints: ['probe-lesson', 'probe-lesson'] });
    // Each checkpoint is numbered, so two of them in one lesson show different questions.
    expect(code).toContain('instance:"0"');
    expect(code).toContain('instance:"1"');
  });

  it('rejects an unknown component, naming its line in the file', async () => {
    const source = lesson('Intro.\n\n<Calout type="tip">Typo</Calout>\n');
    const line = source.split('\n').findIndex((l) => l.startsWith('<Calout')) + 1;
    expect(await buildError(source)).toBe(
      `${FILE}: unknown component <Calout> (line ${line}): a lesson may use Callout, Checkpoint, Fact, Figure, SimulatorEmbed, LabEmbed (lib/content/lesson-components.ts)`,
    );
  });

  it('leaves plain HTML tags alone', async () => {
    await expect(compileLesson(FILE, lesson('<details><summary>More</summary>Text</details>\n'))).resolves.toBeTruthy();
  });

  it('reports MDX syntax errors with the file', async () => {
    expect(await buildError(lesson('<Callout>never closed\n'))).toMatch(/^content\/lessons\/probe-lesson\.mdx: MDX could not be compiled: /);
  });
});

describe('compileLesson: headings and words', () => {
  it('collects h2 and h3 with the ids the anchors get, without the anchor text', async () => {
    const { meta, code } = await compileLesson(FILE, lesson('## Why it matters\n\nText.\n\n### The `timeout` setting\n\n## Why it matters\n\n#### Too deep\n'));
    expect(meta.headings).toEqual([
      { depth: 2, id: 'why-it-matters', text: 'Why it matters' },
      { depth: 3, id: 'the-timeout-setting', text: 'The timeout setting' },
      { depth: 2, id: 'why-it-matters-1', text: 'Why it matters' },
    ]);
    expect(code).toContain('heading-anchor');
  });

  it('counts prose words, not code or tags', async () => {
    const { meta } = await compileLesson(FILE, lesson('One two three.\n\n```js\nconst not = counted;\n```\n\n<Callout>four five</Callout>\n'));
    expect(meta.words).toBe(5);
  });
});

describe('lesson slugs: one list, checked against the lessons', () => {
  const lessons = readdirSync('content/lessons')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => splitFrontmatter(readFileSync(`content/lessons/${f}`, 'utf8')).data as LessonFrontmatter);

  it('LESSON_SLUGS is the frontmatter slugs in learning-path order', () => {
    expect(findIndexProblems(lessons)).toEqual([]);
    expect([...LESSON_SLUGS]).toEqual(sortLessons(lessons).map((l) => l.slug));
  });

  it('names a lesson missing from the list, a listed slug with no lesson, and a list out of order', () => {
    const a = { slug: 'a', module: 'foundations', order: 1 } as const;
    const b = { slug: 'b', module: 'foundations', order: 2 } as const;
    expect(findIndexProblems([a, b], ['a', 'c'])).toEqual([
      'lesson "b" is missing from LESSON_SLUGS in lib/content/lesson-slugs.ts',
      'LESSON_SLUGS in lib/content/lesson-slugs.ts names "c", but no lesson has that slug',
    ]);
    expect(findIndexProblems([a, b], ['b', 'a'])).toEqual(['LESSON_SLUGS in lib/content/lesson-slugs.ts is not in learning-path order: a, b']);
    expect(findIndexProblems([a, { ...b, order: 1 }], ['a', 'b'])).toEqual(['two lessons in module "foundations" share order 1']);
  });
});
