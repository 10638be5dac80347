'use client';

import { useEffect, useRef, useState } from 'react';
import { decodeCliShare, encodeCliShare } from '@/lib/cli/share';
import type { CliState } from '@/lib/cli/session';
import { factsOf, findLab, gradeLab, type LabResult } from '@/lib/labs/catalog';
import { useLabs } from '@/stores/labs-store';
import { TerminalLoading } from '@/components/terminal/terminal-loading';
import TerminalView from '@/components/terminal/terminal-view';

/** The terminal and the grader of one lab (loaded lazily: it brings the simulator and the CLI). */
export default function LabWorkspaceImpl({ id }: { id: string }) {
  const lab = findLab(id)!;
  const state = useRef<CliState | null>(null);
  const [result, setResult] = useState<LabResult | null>(null);
  const [gen, setGen] = useState(0);
  const recordPass = useLabs((s) => s.recordPass);
  const [saved, setSaved] = useState<string | null>(null);
  const lines = useRef<string[]>([]);
  const [shared, setShared] = useState<{ lines: string[] } | null | 'none'>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [shareError, setShareError] = useState<string | null>(null);

  // A link made with "Share my commands" replays the commands on the lab's starting account.
  useEffect(() => {
    const p = new URLSearchParams(window.location.search).get('cli');
    (p ? decodeCliShare(p) : Promise.resolve(null))
      .then((r) => {
        if (!r) return setShared('none');
        lines.current = [...r.lines];
        setShared({ lines: r.lines });
      })
      .catch((err: unknown) => {
        setShareError(`The shared commands could not be read: ${err instanceof Error ? err.message : String(err)}`);
        setShared('none');
      });
  }, []);

  const share = async () => {
    const url = new URL(window.location.href);
    url.search = `?cli=${await encodeCliShare(lines.current)}`;
    setShareUrl(url.toString());
  };

  const check = () => {
    if (!state.current) {
      setResult({ passed: false, checks: [{ ok: false, text: 'Run at least one command first.' }] });
      return;
    }
    const r = gradeLab(lab, state.current);
    setResult(r);
    setSaved(null);
    if (r.passed)
      recordPass(lab.id)
        .then(({ first }) => setSaved(first ? 'Saved to your progress. Its key facts are now review cards.' : 'Already in your progress.'))
        .catch((err: unknown) => setSaved(`The pass could not be saved: ${err instanceof Error ? err.message : String(err)}`));
  };

  return (
    <div className="space-y-4">
      {shareError ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{shareError}</p> : null}
      {shared === null ? (
        <TerminalLoading />
      ) : (
        <TerminalView
          key={gen}
          scenario={lab.scenario}
          initialLines={gen === 0 && shared !== 'none' ? shared.lines : undefined}
          onState={(s, _changed, line) => {
            state.current = s;
            if (line.trim()) lines.current.push(line);
          }}
          banner={`Lab: ${lab.title}. Type help for commands, Tab to complete.`}
          label={`Terminal for the lab ${lab.title}`}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={check} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Check my work
        </button>
        <button
          type="button"
          onClick={() => {
            state.current = null;
            lines.current = [];
            setShareUrl(null);
            setResult(null);
            setGen((g) => g + 1);
          }}
          className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Start over
        </button>
        <button type="button" onClick={() => void share()} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800">
          Share my commands
        </button>
      </div>
      {shareUrl ? (
        <label className="block text-sm text-slate-800 dark:text-slate-200">
          Link that replays your commands on this lab
          <input readOnly value={shareUrl} data-testid="cli-share-url" onFocus={(e) => e.currentTarget.select()} className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100" />
        </label>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <section aria-label="Result" className={`rounded-xl border p-4 ${result.passed ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40' : 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'}`}>
            <p className="font-semibold text-slate-900 dark:text-white">{result.passed ? 'Lab passed.' : 'Not yet.'}</p>
            <ul className="mt-2 space-y-1 text-sm">
              {result.checks.map((c) => (
                <li key={c.text} className="text-slate-800 dark:text-slate-200">
                  <span aria-hidden="true">{c.ok ? '✓ ' : '✗ '}</span>
                  <span className="sr-only">{c.ok ? 'Done: ' : 'Not done: '}</span>
                  {c.text}
                </li>
              ))}
            </ul>
            {result.passed ? (
              <>
                {saved ? <p className="mt-3 text-sm font-medium text-slate-900 dark:text-white">{saved}</p> : null}
                <p className="mt-3 text-sm font-semibold text-slate-900 dark:text-white">Key facts from this lab</p>
                <dl className="mt-1 space-y-2 text-sm text-slate-800 dark:text-slate-200">
                  {factsOf(lab).map((f) => (
                    <div key={f.id}>
                      <dt className="font-medium">{f.prompt}</dt>
                      <dd>{f.answer}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
