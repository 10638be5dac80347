import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LESSON_SLUGS } from '../../content/lesson-slugs';
import { parsePack } from '../parse-pack';
import type { Problem } from '../problems';
import { EDITOR_TEMPLATE, EDITOR_TEMPLATE_ID } from '../editor-template';
import { lineStarts, problemOffset, problemRange, toEditorDiagnostics } from '../editor-diagnostics';
import { draftFileName, makeDraft, migrateDraft, readDraft, serializeDraft } from '../editor-draft';
import { hangingIndent, MAX_HANGING_INDENT } from '../editor-wrap';

function problem(line: number, column: number, extra: Partial<Problem> = {}): Problem {
  return { severity: 'error', code: 'invalid-value', line, column, path: '', message: 'must be a semantic version such as 1.0.0', ...extra };
}

describe('editor template', () => {
  it('is a valid pack with no errors and no warnings, under its documented id', () => {
    const result = parsePack(EDITOR_TEMPLATE, 'template.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.pack.id).toBe(EDITOR_TEMPLATE_ID);
    expect(result.pack.questions.length).toBe(2);
  });

  it('passes even the built-in rules: lessons that exist, app topics', () => {
    const result = parsePack(EDITOR_TEMPLATE, 'template.yaml', { knownLessons: new Set<string>(LESSON_SLUGS), requireKnownTopics: true });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('editor diagnostics', () => {
  it('finds line starts for \\n, \\r\\n and \\r', () => {
    expect(lineStarts('a\nb\r\nc\rd')).toEqual([0, 2, 5, 7]);
    expect(lineStarts('')).toEqual([0]);
  });

  it('marks the token at the column', () => {
    const text = 'format: 1\nversion: 1.0\nauthor: x\n';
    expect(problemRange(text, lineStarts(text), 2, 10)).toEqual({ from: 19, to: 22 });
    expect(text.slice(19, 22)).toBe('1.0');
  });

  it('marks the whole line content when the column is past the end of the line', () => {
    const text = 'questions:\n  - id: q\n';
    const { from, to } = problemRange(text, lineStarts(text), 2, 40);
    expect(text.slice(from, to)).toBe('- id: q');
  });

  it('clamps lines and columns outside the text', () => {
    const text = 'a: 1';
    expect(problemRange(text, lineStarts(text), 99, 99)).toEqual({ from: 0, to: 4 });
    expect(problemRange(text, lineStarts(text), 0, 0)).toEqual({ from: 0, to: 2 });
    expect(problemRange('', [0], 1, 1)).toEqual({ from: 0, to: 0 });
  });

  it('maps the validator’s own problems onto the lines it reports', () => {
    const broken = EDITOR_TEMPLATE.replace('version: 1.0.0', 'version: 1.0.x');
    const result = parsePack(broken, 'broken.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const diagnostics = toEditorDiagnostics(broken, result.errors);
    const version = diagnostics.find((d) => d.message.includes('semantic version'));
    expect(version).toBeDefined();
    const lineOfVersion = broken.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    expect(version?.line).toBe(lineOfVersion);
    expect(broken.slice(version?.from, version?.to)).toBe('1.0.x');
    expect(version?.message).toMatch(/^"version" must be a semantic version .*\.$/);
  });

  it('adds the hint as a second sentence', () => {
    const [d] = toEditorDiagnostics('x: 1', [problem(1, 1, { message: 'unknown key "x"', hint: 'did you mean "id"?' })]);
    expect(d?.message).toBe('Unknown key "x". Did you mean "id"?');
  });

  it('puts the cursor at the start of the marked range', () => {
    const text = 'a: 1\n  b: 2';
    expect(problemOffset(text, 2, 3)).toBe(7);
  });

  it('never produces a range outside the text, whatever the position (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: -5, max: 300 }), fc.integer({ min: -5, max: 300 }), (text, line, column) => {
        const { from, to } = problemRange(text, lineStarts(text), line, column);
        return from >= 0 && from <= to && to <= text.length;
      }),
    );
  });
});

describe('editor draft', () => {
  it('round-trips through its serialised form', () => {
    const draft = makeDraft('format: 1\n# comment kept\n', 1_700_000_000_000, { packId: 'class-week-3', version: '1.2.0' });
    expect(readDraft(serializeDraft(draft))).toEqual({ kind: 'ok', draft });
  });

  it('reports nothing stored as none', () => {
    expect(readDraft(null)).toEqual({ kind: 'none' });
    expect(readDraft('')).toEqual({ kind: 'none' });
  });

  it('reports broken or foreign data with a message instead of throwing', () => {
    expect(readDraft('{not json')).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('not valid JSON') });
    expect(readDraft('[1]')).toMatchObject({ kind: 'unreadable' });
    expect(readDraft(JSON.stringify({ v: 1, text: 5, savedAt: 0 }))).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('text') });
    expect(readDraft(JSON.stringify({ v: 2, text: 'x', savedAt: 0 }))).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('newer version') });
  });

  it('applies migration steps in order from the stored version', () => {
    const steps = [
      { from: 0, migrate: (d: Record<string, unknown>) => ({ v: 1, text: d.body, savedAt: d.at }) },
      { from: 1, migrate: (d: Record<string, unknown>) => ({ ...d, v: 2, extra: true }) },
    ];
    expect(migrateDraft({ v: 0, body: 'x', at: 3 }, steps)).toEqual({ v: 2, text: 'x', savedAt: 3, extra: true });
    expect(migrateDraft({ v: 1, text: 'x', savedAt: 3 }, [])).toEqual({ v: 1, text: 'x', savedAt: 3 });
  });
});

describe('editor wrap indent', () => {
  it('indents continuation rows under the value', () => {
    expect(hangingIndent('      - text: None. Lambda never retries')).toBe('      - text: '.length);
    expect(hangingIndent('    why: Lambda retries')).toBe('    why: '.length);
    expect(hangingIndent('      A function that Amazon S3 invokes')).toBe(6);
    expect(hangingIndent('  - id: q')).toBe('  - id: '.length);
  });

  it('does not indent past a key with no value on its line, and caps deep nesting', () => {
    expect(hangingIndent('    stem: |')).toBe('    stem: '.length);
    expect(hangingIndent('questions:')).toBe(0);
    expect(hangingIndent(`${' '.repeat(60)}text`)).toBe(MAX_HANGING_INDENT);
  });
});

describe('the download name of a draft', () => {
  it('is the pack id from the top-level id line, without waiting for a check', () => {
    expect(draftFileName(EDITOR_TEMPLATE)).toBe(`${EDITOR_TEMPLATE_ID}.yaml`);
    expect(draftFileName('format: 1\nid: "week-3" # the class id\n')).toBe('week-3.yaml');
  });

  it('falls back to pack.yaml when the text names no usable id (nested ids do not count)', () => {
    expect(draftFileName('format: 1\nquestions:\n  - id: q-one\n')).toBe('pack.yaml');
    expect(draftFileName('id: ../../etc/passwd\n')).toBe('pack.yaml');
  });
});
