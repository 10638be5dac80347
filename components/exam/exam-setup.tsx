'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { EXAM_DOMAINS, EXAM_FORMAT, type DomainId } from '@/lib/content/domains';
import { topicTitle } from '@/lib/content/topics';
import { countByDomain, examPool, planExam } from '@/lib/exam/sampler';
import { customSpec, fullMockSpec, MAX_EXAM_MINUTES, MAX_EXAM_QUESTIONS, packExamSpec, reviewModeSpec, type ExamSpec } from '@/lib/exam/spec';
import type { Pack } from '@/lib/packs/schema';
import type { BankQuestion } from '@/lib/quiz/bank';
import { PlanTable } from './plan-table';

type Choice = 'full' | 'review' | 'custom' | `pack:${string}`;

const inputClass =
  'w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm tabular-nums text-slate-900 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-800 dark:text-white';

/** Choose an exam (the full mock, a custom one, or a pack's blueprint), see its domain plan, and start it. */
export function ExamSetup({ bank, packs, onStart, starting }: { bank: readonly BankQuestion[]; packs: readonly Pack[]; onStart: (spec: ExamSpec) => void; starting: boolean }) {
  const id = useId();
  const blueprints = useMemo(() => packs.flatMap((p) => (p.exam ? [{ pack: p, spec: packExamSpec(p)! }] : [])), [packs]);
  const [choice, setChoice] = useState<Choice>('full');
  const [questions, setQuestions] = useState(20);
  // The time limit follows the real exam's 2 minutes per question until the learner sets it.
  const [chosenMinutes, setMinutes] = useState<number>();
  const minutes = chosenMinutes ?? Math.min(MAX_EXAM_MINUTES, questions * 2);
  const [untimed, setUntimed] = useState(false);
  const [domains, setDomains] = useState<DomainId[]>(EXAM_DOMAINS.map((d) => d.id));
  const [excludedPacks, setExcludedPacks] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);

  const topicCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of bank) for (const t of q.question.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => topicTitle(a[0]).localeCompare(topicTitle(b[0])));
  }, [bank]);

  const spec: ExamSpec = useMemo(() => {
    if (choice === 'full') return fullMockSpec();
    if (choice === 'review') return reviewModeSpec();
    if (choice === 'custom') {
      const included = packs.filter((p) => !excludedPacks.includes(p.id)).map((p) => p.id);
      return customSpec({
        questions,
        minutes: untimed ? 0 : minutes,
        domains,
        topics,
        // Every pack ticked means "every enabled pack", which also covers packs enabled later.
        packs: included.length === packs.length ? [] : included.length === 0 ? ['(none)'] : included,
      });
    }
    return blueprints.find((b) => `pack:${b.pack.id}` === choice)?.spec ?? fullMockSpec();
  }, [choice, questions, minutes, untimed, domains, excludedPacks, topics, packs, blueprints]);

  const plan = useMemo(() => planExam(spec, countByDomain(examPool(bank, spec))), [bank, spec]);
  const customInvalid = choice === 'custom' && domains.length === 0;
  const canStart = plan.total > 0 && !customInvalid && !starting;

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const cards: { value: Choice; title: string; body: string }[] = [
    {
      value: 'full',
      title: 'Full mock exam',
      body: `${EXAM_FORMAT.questions} questions in ${EXAM_FORMAT.minutes} minutes, spread over the five ${EXAM_FORMAT.code} domains by their official weights.`,
    },
    {
      value: 'review',
      title: 'Review mode',
      body: `The full ${EXAM_FORMAT.questions} questions with no time limit, and the answer and the explanation shown after each one.`,
    },
    { value: 'custom', title: 'Custom exam', body: 'Pick the length, the time limit (or none), and which domains, topics and packs to draw from.' },
    ...blueprints.map((b) => ({
      value: `pack:${b.pack.id}` as Choice,
      title: b.spec.title,
      body: `An instructor's exam from the pack "${b.pack.title}": ${b.spec.questions} questions, ${b.spec.minutes > 0 ? `${b.spec.minutes} minutes` : 'untimed'}.`,
    })),
  ];

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        if (canStart) onStart(spec);
      }}
    >
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900 dark:text-white">Exam type</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map((c) => (
            <label
              key={c.value}
              className="flex cursor-pointer gap-3 rounded-xl border border-slate-200 bg-white p-4 transition hover:border-slate-400 has-[:checked]:border-brand-500 has-[:checked]:ring-2 has-[:checked]:ring-brand-500/40 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-600"
            >
              <input type="radio" name={`${id}-kind`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} className="mt-1 h-4 w-4 flex-none accent-brand-600" />
              <span>
                <span className="block font-semibold text-slate-900 dark:text-white">{c.title}</span>
                <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{c.body}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {choice === 'custom' ? (
        <div className="grid gap-6 rounded-2xl border border-slate-200 bg-white p-5 lg:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
          <div className="space-y-4">
            <div className="flex flex-wrap items-end gap-6">
              <label className="text-sm font-medium text-slate-800 dark:text-slate-200">
                <span className="block">Number of questions</span>
                <input type="number" min={1} max={MAX_EXAM_QUESTIONS} value={questions} onChange={(e) => setQuestions(Math.max(1, Math.min(MAX_EXAM_QUESTIONS, Number(e.target.value) || 1)))} className={`${inputClass} mt-1`} />
              </label>
              <label className="text-sm font-medium text-slate-800 dark:text-slate-200">
                <span className="block">Time limit (minutes)</span>
                <input type="number" min={1} max={MAX_EXAM_MINUTES} value={minutes} disabled={untimed} onChange={(e) => setMinutes(Math.max(1, Math.min(MAX_EXAM_MINUTES, Number(e.target.value) || 1)))} className={`${inputClass} mt-1`} />
              </label>
              <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-800 dark:text-slate-200">
                <input type="checkbox" checked={untimed} onChange={(e) => setUntimed(e.target.checked)} className="h-4 w-4 accent-sky-800" />
                Untimed
              </label>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">The real exam allows 2 minutes per question.</p>
            <fieldset>
              <legend className="text-sm font-semibold text-slate-900 dark:text-white">Domains</legend>
              <CheckboxList
                items={EXAM_DOMAINS.map((d) => ({
                  key: d.id,
                  checked: domains.includes(d.id),
                  onToggle: () => setDomains((list) => toggle(list, d.id).sort()),
                  label: (
                    <>
                      {d.id}. {d.short} <span className="text-slate-600 dark:text-slate-400">({Math.round(d.weight * 100)}%)</span>
                    </>
                  ),
                }))}
              />
              {domains.length === 0 ? <p className="mt-2 text-sm font-medium text-red-800 dark:text-red-300">Choose at least one domain.</p> : null}
            </fieldset>
            {packs.length > 1 ? (
              <fieldset>
                <legend className="text-sm font-semibold text-slate-900 dark:text-white">Packs</legend>
                <CheckboxList
                  items={packs.map((p) => ({
                    key: p.id,
                    checked: !excludedPacks.includes(p.id),
                    onToggle: () => setExcludedPacks((list) => toggle(list, p.id)),
                    label: (
                      <>
                        {p.title} <span className="text-slate-600 dark:text-slate-400">({p.questions.length})</span>
                      </>
                    ),
                  }))}
                />
              </fieldset>
            ) : null}
          </div>
          <fieldset>
            <legend className="text-sm font-semibold text-slate-900 dark:text-white">
              Topics <span className="font-normal text-slate-600 dark:text-slate-400">{topics.length === 0 ? '(all)' : `(${topics.length} chosen)`}</span>
            </legend>
            <div className="mt-2 flex items-center gap-3 text-sm">
              <button type="button" onClick={() => setTopics([])} disabled={topics.length === 0} className="font-medium text-sky-800 underline disabled:no-underline disabled:opacity-60 dark:text-sky-300">
                Clear (use all topics)
              </button>
            </div>
            <ul className="mt-2 grid max-h-72 gap-1.5 overflow-y-auto rounded-lg border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-800">
              {topicCounts.map(([t, n]) => (
                <li key={t}>
                  <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
                    <input type="checkbox" checked={topics.includes(t)} onChange={() => setTopics((list) => toggle(list, t))} className="h-4 w-4 flex-none accent-sky-800" />
                    <span className="min-w-0 truncate">{topicTitle(t)}</span>
                    <span className="text-slate-600 dark:text-slate-400">({n})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      ) : null}

      <section aria-labelledby={`${id}-plan`} className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id={`${id}-plan`} className="font-semibold text-slate-900 dark:text-white">
            {spec.title}: {plan.total} question{plan.total === 1 ? '' : 's'}, {spec.minutes > 0 ? `${spec.minutes} minutes` : 'untimed'}
          </h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">Questions you have seen least are drawn first.</p>
        </div>
        <div className="mt-3">
          <PlanTable plan={plan} caption={`Questions per domain for ${spec.title}`} />
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={!canStart}
          className="rounded-lg bg-brand-500 px-5 py-2.5 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {starting ? 'Starting…' : choice === 'full' ? 'Start the full mock exam' : choice === 'review' ? 'Start in review mode' : 'Start the exam'}
        </button>
        <p className="max-w-xl text-sm text-slate-700 dark:text-slate-300">
          Exam mode gives no feedback until you submit. {spec.minutes > 0 ? 'The clock keeps running if you close the tab or the laptop sleeps, as in a test centre. ' : ''}
          Every answer is saved as you choose it.
        </p>
      </div>
    </form>
  );
}

/** The set-up's choose-any lists (domains, packs): a checkbox per item, its label beside it. */
function CheckboxList({ items }: { items: readonly { key: string | number; checked: boolean; onToggle: () => void; label: ReactNode }[] }) {
  return (
    <ul className="mt-2 space-y-1.5">
      {items.map((item) => (
        <li key={item.key}>
          <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={item.checked} onChange={item.onToggle} className="h-4 w-4 accent-sky-800" />
            {item.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
