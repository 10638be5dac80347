'use client';

import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type * as AnalysisLib from '@/lib/packs/item-analysis';
import type { ItemAnalysis, ItemFlag } from '@/lib/packs/item-analysis';
import type * as ResultsLib from '@/lib/packs/results';
import type { ResultsFile } from '@/lib/packs/results';
import type { Pack } from '@/lib/packs/schema';
import { useBank } from '@/stores/bank-store';
import { downloadText } from '@/components/ui/download';

// Loaded with the first file, so the page itself stays small.
type Lib = typeof AnalysisLib & typeof ResultsLib;

interface Loaded {
  name: string;
  results?: ResultsFile;
  error?: string;
}

const LETTERS = 'ABCDEFGH';
/** Larger than any honest results file; refused before it is read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The Instructor page: learners' results files in, item analysis out. Files are read in this browser and kept in
 * memory only; nothing is uploaded or stored.
 */
export function ResultsAnalysis() {
  const [files, setFiles] = useState<Loaded[]>([]);
  const [lib, setLib] = useState<Lib>();
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const packs = useBank((s) => s.packs);
  const loadBank = useBank((s) => s.load);

  useEffect(() => {
    void loadBank();
  }, [loadBank]);

  const add = async (list: FileList | readonly File[] | null | undefined) => {
    const chosen = list ? Array.from(list) : [];
    if (input.current) input.current.value = '';
    if (chosen.length === 0) return;
    const loaded = lib ?? (Object.assign({}, await import('@/lib/packs/item-analysis'), await import('@/lib/packs/results')) as Lib);
    setLib(loaded);
    const read = await Promise.all(
      chosen.map(async (f): Promise<Loaded> => {
        if (f.size > MAX_FILE_BYTES) return { name: f.name, error: `the file is ${(f.size / (1024 * 1024)).toFixed(1)} MB, far more than a results file` };
        const text = await f.text().catch(() => undefined);
        if (text === undefined) return { name: f.name, error: 'the browser could not read the file' };
        const parsed = loaded.parseResults(text);
        return parsed.ok ? { name: f.name, results: parsed.results } : { name: f.name, error: parsed.message };
      }),
    );
    // A file chosen twice replaces its earlier copy.
    setFiles((prev) => [...prev.filter((p) => !read.some((r) => r.name === p.name)), ...read]);
  };

  const valid = useMemo(() => files.flatMap((f) => (f.results ? [f.results] : [])), [files]);
  const pack = useMemo(() => {
    if (!lib || valid.length === 0) return undefined;
    const id = lib.analyseResults(valid).packId;
    return packs.find((p) => p.pack.id === id)?.pack;
  }, [lib, valid, packs]);
  const analysis = useMemo(() => {
    if (!lib || valid.length === 0) return undefined;
    const correct = pack ? new Map(pack.questions.map((q) => [q.id, q.options.flatMap((o, i) => (o.correct ? [i] : []))])) : undefined;
    return lib.analyseResults(valid, correct);
  }, [lib, valid, pack]);

  const onDrag = (e: DragEvent<HTMLDivElement>, entering: boolean) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    setDragging(entering);
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="results-in" className="rounded-2xl border border-slate-200 p-5 sm:p-6 dark:border-slate-800">
        <h2 id="results-in" className="text-xl font-semibold text-slate-900 dark:text-white">
          Learners’ results files
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Each learner saves a file with <strong>Export my results</strong> on the Packs page and sends it to you. Add as many as you like: they are read
          in this browser and never uploaded or stored.
        </p>
        <div
          onDragEnter={(e) => onDrag(e, true)}
          onDragOver={(e) => onDrag(e, true)}
          onDragLeave={(e) => onDrag(e, false)}
          onDrop={(e) => {
            if (!Array.from(e.dataTransfer.types).includes('Files')) return;
            e.preventDefault();
            setDragging(false);
            void add(e.dataTransfer.files);
          }}
          data-dragging={dragging || undefined}
          className="mt-4 flex flex-col items-center gap-2 rounded-xl border-2 border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center data-[dragging]:border-brand-500 dark:border-slate-700 dark:bg-slate-900/60"
        >
          <p className="font-medium text-slate-900 dark:text-white">Drop results files here</p>
          <label
            htmlFor={inputId}
            className="cursor-pointer rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white focus-within:ring-2 focus-within:ring-sky-600 focus-within:ring-offset-2 hover:bg-slate-700 dark:bg-white dark:text-slate-900"
          >
            Choose files…
          </label>
          <input id={inputId} ref={input} type="file" multiple accept=".json,application/json" aria-label="Results files to analyse" onChange={(e) => void add(e.target.files)} className="sr-only" />
        </div>
        {files.length > 0 ? (
          <div className="mt-4">
            <ul aria-label="Files added" className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
              {files.map((f) => (
                <li key={f.name} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
                  <span className="break-all font-mono text-xs text-slate-800 dark:text-slate-200">{f.name}</span>
                  {f.results ? (
                    <span className="text-slate-700 dark:text-slate-300">
                      {f.results.learner}: {f.results.score.answered} answers
                    </span>
                  ) : (
                    <span className="font-medium text-red-800 dark:text-red-300">Not used: {f.error}.</span>
                  )}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => setFiles([])} className="mt-2 text-sm font-medium text-sky-800 underline dark:text-sky-300">
              Clear all files
            </button>
          </div>
        ) : null}
      </section>

      {analysis && lib ? <AnalysisView analysis={analysis} pack={pack} lib={lib} /> : null}
    </div>
  );
}

const FLAG_SHORT: Record<ItemFlag, string> = {
  'negative-discrimination': 'Negative discrimination',
  'low-discrimination': 'Low discrimination',
  'very-hard': 'Very hard',
  'very-easy': 'Very easy',
  'unused-distractor': 'Unused wrong option',
};

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-300';

function AnalysisView({ analysis, pack, lib }: { analysis: ItemAnalysis; pack: Pack | undefined; lib: Lib }) {
  const byId = useMemo(() => new Map(pack?.questions.map((q) => [q.id, q]) ?? []), [pack]);
  const negative = analysis.items.filter((i) => i.flags.includes('negative-discrimination'));
  const mean = analysis.learners.length === 0 ? 0 : Math.round((analysis.learners.reduce((s, l) => s + l.percent, 0) / analysis.learners.length) * 10) / 10;
  const save = (kind: 'items' | 'learners') => {
    const text = kind === 'items' ? lib.itemsCsv(analysis) : lib.learnersCsv(analysis);
    downloadText(`${analysis.packId}-${kind === 'items' ? 'item-analysis' : 'learner-scores'}.csv`, text, 'text/csv');
  };
  const td = 'px-3 py-2 align-top';

  return (
    <section aria-labelledby="analysis-heading" className="space-y-6">
      <div>
        <h2 id="analysis-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Item analysis: {analysis.packTitle || analysis.packId}
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          <span className="font-mono">{analysis.packId}</span>
          {analysis.versions.length > 0 ? ` · version ${analysis.versions.join(', ')}` : ''} · {analysis.learners.length} {analysis.learners.length === 1 ? 'learner' : 'learners'} ·{' '}
          {analysis.items.length} questions · mean score {mean}%
        </p>
        {analysis.versions.length > 1 ? (
          <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">The files come from different versions of the pack; a question reworded between them is counted as one.</p>
        ) : null}
        {!pack ? (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Import the pack on the Packs page to see each question’s text and which options are right; the figures below need only the results files.
          </p>
        ) : null}
        {analysis.skipped.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-800 dark:text-slate-200">
            {analysis.skipped.map((s, i) => (
              <li key={`${s.learner}-${i}`}>
                Left out {s.learner}: {s.reason}.
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" onClick={() => save('items')} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
            Download item analysis (CSV)
          </button>
          <button type="button" onClick={() => save('learners')} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
            Download learner scores (CSV)
          </button>
        </div>
      </div>

      {negative.length > 0 ? (
        <div role="note" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-semibold">
            {negative.length === 1 ? '1 question has' : `${negative.length} questions have`} negative discrimination
          </p>
          <p className="mt-1">Learners who did well overall got {negative.length === 1 ? 'it' : 'them'} wrong more often than the others: check the key and the wording of {negative.map((i) => i.question).join(', ')}.</p>
        </div>
      ) : null}

      <div>
        <h3 className="text-lg font-semibold text-slate-900 dark:text-white">Questions</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Discrimination is the correlation between getting the question right and the score on the other questions (corrected point-biserial): above 0.3
          is good, below 0.2 weak, below 0 a warning sign. It needs at least 3 learners who answered the question.
        </p>
        <ScrollTable label="Item analysis table" caption="Item analysis, one row per question" columns={['Question', 'Answered', 'Correct', 'Discrimination', 'Chosen', 'Flags']}>
          {analysis.items.map((i) => {
            const q = byId.get(i.question);
            const negativeRow = i.flags.includes('negative-discrimination');
            return (
              <tr key={i.question} className={negativeRow ? 'bg-red-50/70 dark:bg-red-950/30' : undefined}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  <span className="block font-mono text-xs text-slate-800 dark:text-slate-200">{i.question}</span>
                  {q ? <span className="mt-0.5 block max-w-md text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">{excerpt(q.stem)}</span> : null}
                </th>
                <td className={td}>{i.answered}</td>
                <td className={td}>{i.percentCorrect}%</td>
                <td className={`${td} font-mono ${negativeRow ? 'font-semibold text-red-900 dark:text-red-200' : ''}`}>{i.discrimination === null ? '–' : i.discrimination.toFixed(2)}</td>
                <td className={td}>
                  <ul className="space-y-0.5">
                    {i.choices.map((c, k) => {
                      const option = q?.options[k];
                      return (
                        <li key={k} className="whitespace-nowrap">
                          <span className="font-semibold">{LETTERS[k]}</span>
                          {option?.correct ? <span className="text-emerald-800 dark:text-emerald-300"> (right)</span> : null}: {c}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td className={td}>
                  {i.flags.length === 0 ? (
                    <span className="text-slate-600 dark:text-slate-400">none</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {i.flags.map((f) => (
                        <li key={f} title={lib.FLAG_TEXT[f]} className={f === 'negative-discrimination' ? 'font-semibold text-red-900 dark:text-red-200' : 'text-amber-900 dark:text-amber-200'}>
                          {FLAG_SHORT[f]}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      </div>

      <div>
        <h3 className="text-lg font-semibold text-slate-900 dark:text-white">Learners</h3>
        <ScrollTable label="Learner scores table" caption="Score of each learner" columns={['Learner', 'Answered', 'Correct', 'Score', 'Minutes']}>
          {analysis.learners.map((l) => (
            <tr key={l.learner}>
              <th scope="row" className={`${td} text-left font-medium [overflow-wrap:anywhere]`}>
                {l.learner}
              </th>
              <td className={td}>{l.answered}</td>
              <td className={td}>{l.correct}</td>
              <td className={td}>{l.percent}%</td>
              <td className={td}>{l.minutes}</td>
            </tr>
          ))}
        </ScrollTable>
      </div>
    </section>
  );
}

/** A results table that scrolls sideways on its own, inside the page, when it is wider than the screen. */
function ScrollTable({ label, caption, columns, children }: { label: string; caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    // Focusable, so keyboard users can scroll the table sideways on a narrow screen.
    <div tabIndex={0} role="region" aria-label={label} className="mt-3 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}

function excerpt(text: string): string {
  const flat = text.replace(/[`*_#>]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}…` : flat;
}
