'use client';

import { useId } from 'react';
import { formatInt } from './format';
import { useSim, useSimStore } from './sim-context';
import { btn, input } from './ui';

/** "Predict, then run": the preset's question before the run, the learner's guess next to the result after it. */
export function PredictPanel() {
  const store = useSimStore();
  const predict = useSim((s) => s.scenario?.predict);
  const afterRun = useSim((s) => s.scenario?.afterRun);
  const prediction = useSim((s) => s.prediction);
  const summary = useSim((s) => s.summary);
  const modified = useSim((s) => s.modified);
  const injected = useSim((s) => s.injections.length > 0);
  const t = useSim((s) => s.snapshot?.t ?? 0);
  const numberId = useId();
  const groupName = useId();
  if (!predict) return null;
  const result = summary?.predict;
  const locked = prediction.locked;
  const guess = prediction.guess;
  const choices = predict.choices;

  let verdict: { right: boolean; text: string } | null = null;
  if (result && guess !== null) {
    if (choices) {
      const right = result.correctChoice === guess;
      verdict = { right, text: right ? 'Your prediction was right.' : `You predicted “${choices[guess]?.label ?? '?'}”.` };
    } else {
      const right = result.value !== null && Math.abs(result.value - guess) <= predict.tolerance;
      verdict = { right, text: right ? `Your prediction (${formatInt(guess)}) was right.` : `You predicted ${formatInt(guess)}.` };
    }
  }
  const resultLabel = result
    ? choices
      ? `${result.value === null ? 'no value' : formatInt(result.value)}: “${choices[result.correctChoice ?? -1]?.label ?? 'none of the choices'}”`
      : result.value === null
        ? 'no value'
        : formatInt(result.value)
    : null;

  return (
    <div className="rounded-2xl border border-violet-300 bg-violet-50 p-4 dark:border-violet-800 dark:bg-violet-950/40" data-testid="predict-panel">
      <p className="text-xs font-bold uppercase tracking-wide text-violet-800 dark:text-violet-300">Predict, then run</p>
      <fieldset className="mt-1" disabled={locked || t > 0}>
        <legend className="font-semibold text-slate-900 dark:text-white">{predict.question}</legend>
        {choices ? (
          <div className="mt-2 space-y-1">
            {choices.map((c, i) => (
              <label key={i} className="flex cursor-pointer items-start gap-2 rounded-lg px-2 py-1 text-sm text-slate-800 hover:bg-white/70 dark:text-slate-200 dark:hover:bg-slate-900/60">
                <input type="radio" name={groupName} className="mt-0.5 accent-violet-700" checked={guess === i} onChange={() => store.getState().setGuess(i)} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        ) : (
          <div className="mt-2 flex items-center gap-2">
            <label htmlFor={numberId} className="text-sm text-slate-800 dark:text-slate-200">
              Your answer
            </label>
            <input
              id={numberId}
              type="number"
              inputMode="numeric"
              value={guess ?? ''}
              onChange={(e) => store.getState().setGuess(e.target.value === '' ? null : Number(e.target.value))}
              className={`${input} w-28 tabular-nums`}
            />
          </div>
        )}
      </fieldset>
      {!result ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {locked ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Locked in. The answer appears when the run ends.</p>
          ) : t > 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">The run has started; reset to make a prediction first.</p>
          ) : (
            <>
              <button type="button" className={btn} disabled={guess === null} onClick={() => store.getState().lockGuess()}>
                Lock in my prediction
              </button>
              <span className="text-xs text-slate-600 dark:text-slate-400">then press Run</span>
            </>
          )}
        </div>
      ) : (
        <div role="status" className="mt-3 rounded-xl bg-white p-3 text-sm dark:bg-slate-900">
          <p className="text-slate-900 dark:text-white">
            <span className="font-semibold">Result of this run:</span> <span data-testid="predict-result">{resultLabel}</span>
          </p>
          {verdict ? <p className={`mt-1 font-semibold ${verdict.right ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>{verdict.text}</p> : <p className="mt-1 text-slate-700 dark:text-slate-300">You did not make a prediction this time.</p>}
          <p className="mt-2 text-slate-700 dark:text-slate-300">{predict.explanation}</p>
          {afterRun ? (
            <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="after-run">
              {afterRun}
            </p>
          ) : null}
          {modified || injected ? <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">You changed the scenario or added events, so this run may differ from the one the question describes.</p> : null}
        </div>
      )}
    </div>
  );
}
