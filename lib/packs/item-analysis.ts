import type { ResultsFile } from './results';

/**
 * Classical item analysis of one pack from many learners' results files: how hard each question was, whether the
 * learners who did well overall got it right (discrimination), and which options drew them. Pure: the Instructor
 * page and `npm run packs -- analyse` both call it.
 *
 * Discrimination is the corrected point-biserial correlation: item score (0/1) against the learner's proportion
 * correct on the OTHER questions they answered (proportions, since exams draw different questions for each learner;
 * "corrected" so an item does not correlate with itself). A negative value means stronger learners got it wrong
 * more often than weaker ones: usually a wrong key or an ambiguous stem.
 */

export interface ItemStats {
  question: string;
  /** Learners who answered it. */
  answered: number;
  correct: number;
  /** 0–100, one decimal. */
  percentCorrect: number;
  /** Corrected point-biserial, three decimals; null when it cannot be computed (under 3 learners, or no spread). */
  discrimination: number | null;
  /** How many learners chose each option (pack order); a multiple-response answer counts for each option chosen. */
  choices: number[];
  /** Mean seconds on the question, one decimal. */
  meanSeconds: number;
  flags: ItemFlag[];
}

export type ItemFlag = 'negative-discrimination' | 'low-discrimination' | 'very-hard' | 'very-easy' | 'unused-distractor';

export interface LearnerScore {
  learner: string;
  answered: number;
  correct: number;
  percent: number;
  minutes: number;
}

export interface ItemAnalysis {
  packId: string;
  packTitle: string;
  versions: string[];
  learners: LearnerScore[];
  items: ItemStats[];
  /** Files left out, with why (another pack, the same learner twice). */
  skipped: Array<{ learner: string; reason: string }>;
}

/** Below this, an item barely separates stronger from weaker learners (a common rule of thumb). */
export const LOW_DISCRIMINATION = 0.2;

const round = (x: number, places: number) => {
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

export function pointBiserial(itemScores: readonly number[], restScores: readonly number[]): number | null {
  const n = itemScores.length;
  if (n < 3 || restScores.length !== n) return null;
  const ones = itemScores.reduce((s, x) => s + x, 0);
  const p = ones / n;
  if (p === 0 || p === 1) return null;
  const mean = restScores.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(restScores.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  if (sd === 0) return null;
  let m1 = 0;
  let m0 = 0;
  itemScores.forEach((x, i) => {
    if (x === 1) m1 += restScores[i] ?? 0;
    else m0 += restScores[i] ?? 0;
  });
  m1 /= ones;
  m0 /= n - ones;
  return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

/**
 * `correctOptions` (question id → right option indices), when the pack is at hand, lets the analysis flag wrong
 * options nobody chose; without it, the results files alone are enough for everything else.
 */
export function analyseResults(files: readonly ResultsFile[], correctOptions?: ReadonlyMap<string, readonly number[]>): ItemAnalysis {
  const skipped: ItemAnalysis['skipped'] = [];
  // The pack most files are for; others are reported, not mixed in.
  const byPack = new Map<string, number>();
  for (const f of files) byPack.set(f.pack.id, (byPack.get(f.pack.id) ?? 0) + 1);
  const packId = [...byPack].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  const kept: ResultsFile[] = [];
  const seenNames = new Map<string, ResultsFile>();
  for (const f of files) {
    if (f.pack.id !== packId) {
      skipped.push({ learner: f.learner, reason: `results for another pack ("${f.pack.id}")` });
      continue;
    }
    const key = f.learner.trim().toLowerCase();
    const earlier = seenNames.get(key);
    if (earlier) {
      // The same learner twice: keep the later export, which includes everything the earlier one had.
      const later = f.exportedAt >= earlier.exportedAt ? f : earlier;
      const dropped = later === f ? earlier : f;
      kept.splice(kept.indexOf(earlier), 1, later);
      seenNames.set(key, later);
      skipped.push({ learner: dropped.learner, reason: 'a second file from the same name; the later export is used' });
      continue;
    }
    seenNames.set(key, f);
    kept.push(f);
  }

  const learners: LearnerScore[] = kept.map((f) => {
    const correct = f.answers.filter((a) => a.correct).length;
    return {
      learner: f.learner,
      answered: f.answers.length,
      correct,
      percent: f.answers.length === 0 ? 0 : round((correct / f.answers.length) * 100, 1),
      minutes: round(f.answers.reduce((s, a) => s + a.timeMs, 0) / 60000, 1),
    };
  });

  // Question order: as in the files (pack order), first seen first.
  const order: string[] = [];
  const seenQ = new Set<string>();
  for (const f of kept)
    for (const a of f.answers)
      if (!seenQ.has(a.question)) {
        seenQ.add(a.question);
        order.push(a.question);
      }

  const items: ItemStats[] = order.map((question) => {
    const item: number[] = [];
    const rest: number[] = [];
    let answered = 0;
    let correct = 0;
    let time = 0;
    let width = 0;
    const counts: number[] = [];
    kept.forEach((f) => {
      const a = f.answers.find((x) => x.question === question);
      if (!a) return;
      answered++;
      if (a.correct) correct++;
      time += a.timeMs;
      width = Math.max(width, a.options);
      for (const s of a.selected) counts[s] = (counts[s] ?? 0) + 1;
      const others = f.answers.length - 1;
      if (others > 0) {
        const otherCorrect = f.answers.filter((x) => x.correct).length - (a.correct ? 1 : 0);
        item.push(a.correct ? 1 : 0);
        rest.push(otherCorrect / others);
      }
    });
    const r = pointBiserial(item, rest);
    const choices = Array.from({ length: width }, (_, i) => counts[i] ?? 0);
    const p = answered === 0 ? 0 : correct / answered;
    const flags: ItemFlag[] = [];
    if (r !== null && r < 0) flags.push('negative-discrimination');
    else if (r !== null && r < LOW_DISCRIMINATION) flags.push('low-discrimination');
    if (answered >= 5 && p < 0.3) flags.push('very-hard');
    if (answered >= 5 && p > 0.95) flags.push('very-easy');
    const right = correctOptions?.get(question);
    if (right && answered >= 5 && choices.some((c, i) => c === 0 && !right.includes(i))) flags.push('unused-distractor');
    return {
      question,
      answered,
      correct,
      percentCorrect: round(p * 100, 1),
      discrimination: r === null ? null : round(r, 3),
      choices,
      meanSeconds: answered === 0 ? 0 : round(time / answered / 1000, 1),
      flags,
    };
  });

  return {
    packId,
    packTitle: kept[0]?.pack.title ?? '',
    versions: [...new Set(kept.map((f) => f.pack.version))].sort(),
    learners,
    items,
    skipped,
  };
}

export const FLAG_TEXT: Record<ItemFlag, string> = {
  'negative-discrimination': 'negative discrimination: stronger learners got it wrong more often; check the key and the wording',
  'low-discrimination': `low discrimination (below ${LOW_DISCRIMINATION}): it barely separates stronger from weaker learners`,
  'very-hard': 'under 30% correct',
  'very-easy': 'over 95% correct',
  'unused-distractor': 'a wrong option nobody chose',
};

const LETTERS = 'ABCDEFGH';

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs a typed name. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function itemsCsv(analysis: ItemAnalysis): string {
  const width = Math.max(0, ...analysis.items.map((i) => i.choices.length));
  const header = ['question', 'answered', 'correct', 'percent_correct', 'discrimination', 'mean_seconds', ...Array.from({ length: width }, (_, i) => `chose_${LETTERS[i]}`), 'flags'];
  return csv([header, ...analysis.items.map((i) => [i.question, i.answered, i.correct, i.percentCorrect, i.discrimination, i.meanSeconds, ...Array.from({ length: width }, (_, k) => (k < i.choices.length ? (i.choices[k] ?? 0) : null)), i.flags.join(';')])]);
}

export function learnersCsv(analysis: ItemAnalysis): string {
  return csv([['learner', 'answered', 'correct', 'percent', 'minutes'], ...analysis.learners.map((l) => [l.learner, l.answered, l.correct, l.percent, l.minutes])]);
}

export function optionLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** The analysis as plain text lines, for the CLI. */
export function formatAnalysis(a: ItemAnalysis): string[] {
  const lines: string[] = [];
  lines.push(`${a.packTitle || a.packId} (${a.packId}${a.versions.length > 0 ? `, version ${a.versions.join(', ')}` : ''}): ${a.learners.length} ${a.learners.length === 1 ? 'learner' : 'learners'}, ${a.items.length} questions`);
  if (a.versions.length > 1) lines.push('note: the files come from different versions of the pack; a question changed between them is analysed as one');
  lines.push('');
  lines.push('question                         answered  correct  discrim  choices');
  for (const i of a.items) {
    const choices = i.choices.map((c, k) => `${optionLetter(k)}:${c}`).join(' ');
    const d = i.discrimination === null ? '   –   ' : i.discrimination.toFixed(3).padStart(7);
    lines.push(`${i.question.padEnd(32).slice(0, 32)} ${String(i.answered).padStart(8)}  ${`${i.percentCorrect}%`.padStart(7)}  ${d}  ${choices}${i.flags.length > 0 ? `  ! ${i.flags.join(', ')}` : ''}`);
  }
  const negative = a.items.filter((i) => i.flags.includes('negative-discrimination'));
  if (negative.length > 0) {
    lines.push('');
    lines.push(`${negative.length} ${negative.length === 1 ? 'question has' : 'questions have'} negative discrimination (check the key and the wording): ${negative.map((i) => i.question).join(', ')}`);
  }
  lines.push('');
  lines.push('learner                          answered  correct  minutes');
  for (const l of a.learners) lines.push(`${l.learner.padEnd(32).slice(0, 32)} ${String(l.answered).padStart(8)}  ${`${l.percent}%`.padStart(7)}  ${String(l.minutes).padStart(7)}`);
  for (const s of a.skipped) lines.push(`left out: ${s.learner}: ${s.reason}`);
  return lines;
}
