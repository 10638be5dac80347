'use client';
/** The whole scenario as JSON, for the fields the form does not show. */
import { useId, useState } from 'react';
import type { Draft } from '@/lib/sim/config-draft';
import { Section } from './config-fields';
import { btn, input, label as labelCls } from './ui';

export function JsonSection({ draft, setDraft }: { draft: Draft; setDraft: (d: Draft) => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const [base, setBase] = useState(draft);
  if (base !== draft) {
    setBase(draft);
    setText(JSON.stringify(draft, null, 2));
    setProblem(null);
  }
  return (
    <Section title="Scenario JSON" summary="every field, as in docs/scenarios">
      <label htmlFor={id} className={labelCls}>
        The whole scenario (edit, then use it)
      </label>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={16} className={`${input} w-full font-mono text-xs`} />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={btn}
          onClick={() => {
            try {
              const parsed = JSON.parse(text) as unknown;
              if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the scenario must be a JSON object');
              setProblem(null);
              setDraft(parsed as Draft);
            } catch (e) {
              setProblem(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          Use this JSON
        </button>
        {problem ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {problem}
          </p>
        ) : null}
      </div>
    </Section>
  );
}

