'use client';

import { useId, useState } from 'react';
import type { Problem } from '@/lib/packs/problems';

/**
 * Errors or warnings from checking a pack, each with its line and column in the file the author edits. With
 * `onSelect` (the pack editor) each position is a button that takes the cursor there.
 */
export function ProblemList({
  problems,
  kind,
  initial = 8,
  onSelect,
}: {
  problems: readonly Problem[];
  kind: 'error' | 'warning';
  initial?: number;
  onSelect?: (problem: Problem) => void;
}) {
  const [all, setAll] = useState(false);
  const base = useId();
  const shown = all ? problems : problems.slice(0, initial);
  const tone =
    kind === 'error'
      ? 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/40'
      : 'border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/30';
  return (
    <div>
      <ol className={`divide-y rounded-xl border text-sm ${tone} divide-slate-200/70 dark:divide-slate-800`}>
        {shown.map((p, i) => (
          <li key={`${p.line}:${p.column}:${p.code}:${i}`} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:gap-3">
            {onSelect && p.code !== 'too-many-problems' ? (
              <button
                type="button"
                onClick={() => onSelect(p)}
                aria-describedby={`${base}-${i}`}
                className="flex-none self-start rounded font-mono text-xs font-semibold text-sky-800 underline underline-offset-2 hover:text-sky-950 sm:w-36 sm:pt-0.5 sm:text-left dark:text-sky-300 dark:hover:text-sky-100"
              >
                Line {p.line}, column {p.column}
              </button>
            ) : (
              <span className="flex-none font-mono text-xs font-semibold text-slate-700 sm:w-36 sm:pt-0.5 dark:text-slate-300">
                {p.code === 'too-many-problems' ? '…' : `Line ${p.line}, column ${p.column}`}
              </span>
            )}
            <span id={`${base}-${i}`} className="min-w-0 text-slate-900 dark:text-slate-100">
              <span className="break-words">{capitalise(p.message)}.</span>
              {p.hint ? <span className="block text-slate-700 dark:text-slate-300">{capitalise(p.hint)}.</span> : null}
              {p.path ? <span className="block break-all font-mono text-xs text-slate-600 dark:text-slate-400">{p.path}</span> : null}
            </span>
          </li>
        ))}
      </ol>
      {problems.length > initial ? (
        <button type="button" onClick={() => setAll((a) => !a)} className="mt-2 text-sm font-medium text-sky-800 underline dark:text-sky-300">
          {all ? `Show the first ${initial} only` : `Show all ${problems.length} ${kind === 'error' ? 'errors' : 'warnings'}`}
        </button>
      ) : null}
    </div>
  );
}

function capitalise(text: string): string {
  const trimmed = text.replace(/\.\s*$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
