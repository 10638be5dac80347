/**
 * Writes a pack as YAML an instructor can read and edit: keys in the documented order, long or multi-line
 * Markdown as `|` blocks, short lists inline. parsePack(packToYaml(p)) gives back p (tested as a property).
 */
import { Document, isScalar, Scalar, visit, YAMLSeq } from 'yaml';
import type { Blueprint, Pack, Question, QuestionOption } from './schema';

const header = (format: number) => `Question pack, format ${format}. How to write and check one: docs/authoring-packs.md`;

function option(o: QuestionOption): Record<string, unknown> {
  const out: Record<string, unknown> = { text: o.text, correct: o.correct };
  if (o.why !== undefined) out.why = o.why;
  if (o.misconception !== undefined) out.misconception = o.misconception;
  return out;
}

function question(q: Question): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: q.id,
    type: q.type,
    domain: q.domain,
    topics: q.topics,
  };
  if (q.lessons.length > 0) out.lessons = q.lessons;
  out.difficulty = q.difficulty;
  // Without these an exported true/false item would stop being practice-only and fail its own check.
  if (q.style !== undefined) out.style = q.style;
  if (q.practiceOnly !== undefined) out.practiceOnly = q.practiceOnly;
  if (q.simulation !== undefined) out.simulation = q.simulation;
  out.stem = q.stem;
  out.options = q.options.map(option);
  if (q.explanation !== undefined) out.explanation = q.explanation;
  if (q.references.length > 0) out.references = q.references;
  return out;
}

function blueprint(b: Blueprint): Record<string, unknown> {
  const out: Record<string, unknown> = { title: b.title, questions: b.questions, minutes: b.minutes };
  if (b.domainWeights !== undefined) {
    // A Map with number keys prints `1: 22` rather than `"1": 22`; the parser reads keys back as strings.
    const weights = new Map<number, number>();
    for (const k of ['1', '2', '3', '4', '5'] as const) {
      const w = b.domainWeights[k];
      if (w !== undefined) weights.set(Number(k), w);
    }
    out.domainWeights = weights;
  }
  if (b.topics !== undefined) out.topics = b.topics;
  if (b.passPercent !== undefined) out.passPercent = b.passPercent;
  return out;
}

/** Stable key order, matching docs/authoring-packs.md. */
export function packToPlainObject(pack: Pack): Record<string, unknown> {
  const out: Record<string, unknown> = {
    format: pack.format,
    id: pack.id,
    title: pack.title,
    version: pack.version,
    author: pack.author,
  };
  if (pack.license !== undefined) out.license = pack.license;
  if (pack.description !== undefined) out.description = pack.description;
  if (pack.exam !== undefined) out.exam = blueprint(pack.exam);
  out.questions = pack.questions.map(question);
  // Scenarios go out as parsed (the simulator's defaults filled in): longer than the author wrote, but the same run.
  if (pack.scenarios !== undefined) out.scenarios = pack.scenarios.map((sc) => ({ ...sc }));
  return out;
}

const INLINE_LIST_KEYS = new Set(['topics', 'lessons']);

export function packToYaml(pack: Pack): string {
  // compat 1.1 quotes words such as yes/no/on, so other YAML tools (which may read YAML 1.1) see the same text.
  const doc = new Document(packToPlainObject(pack), { aliasDuplicateObjects: false, compat: 'yaml-1.1' });
  doc.commentBefore = ` ${header(pack.format)}`;
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (INLINE_LIST_KEYS.has(key) && pair.value instanceof YAMLSeq) pair.value.flow = true;
    },
    Scalar(_, node: Scalar) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 40, indentSeq: true, flowCollectionPadding: false });
}
