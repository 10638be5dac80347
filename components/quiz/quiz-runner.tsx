'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { lazy, Suspense, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { EXAM_DOMAINS } from '@/lib/content/domains';
import { topicTitle } from '@/lib/content/topics';
import type { BankQuestion } from '@/lib/quiz/bank';
import { buildQuiz, quizPool, QUIZ_LENGTHS, sourceFromQuery, type QuizSource } from '@/lib/quiz/build';
import {
  dropAttempt,
  EMPTY_SESSIONS,
  LEGACY_QUIZ_ATTEMPT_KEY,
  migrateQuizSessions,
  putAttempt,
  QUIZ_SESSIONS_KEY,
  sourceKey,
  sourceOfKey,
  unfinished,
  viewFor,
  type QuizAttempt,
  type QuizSessions,
} from '@/lib/quiz/sessions';
import { weakSignals } from '@/lib/srs/stats';
import { NextReviewNote } from '@/components/review/next-review-note';
import { questionLessonLinks } from '@/components/review/lesson-links';
import type { StudyLesson } from '@/components/review/types';
import { useRecordAnswer } from '@/components/review/use-record-answer';
import { useStudyData } from '@/components/review/use-study-data';
import { useBank } from '@/stores/bank-store';
import { useReview } from '@/stores/review-store';
import type { AnswerResult } from './question-card';
import { fieldInput } from '@/components/ui/form-classes';

// The question card and its Markdown renderer load after the page is interactive (they are most of the page's JavaScript).
const QuestionCard = lazy(() => import('./question-card').then((m) => ({ default: m.QuestionCard })));

function readSessions(): QuizSessions {
  try {
    if (typeof sessionStorage === 'undefined') return EMPTY_SESSIONS;
    const parse = (key: string) => {
      const raw = sessionStorage.getItem(key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    };
    return migrateQuizSessions(parse(QUIZ_SESSIONS_KEY), parse(LEGACY_QUIZ_ATTEMPT_KEY));
  } catch {
    return EMPTY_SESSIONS;
  }
}

function saveSessions(s: QuizSessions) {
  try {
    sessionStorage.setItem(QUIZ_SESSIONS_KEY, JSON.stringify(s));
    sessionStorage.removeItem(LEGACY_QUIZ_ATTEMPT_KEY);
  } catch {
    // Private modes can refuse sessionStorage: the quiz still works, it just will not survive a reload.
  }
}

function newAttemptId(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

function describeSource(source: QuizSource, lessons: ReadonlyMap<string, StudyLesson>, packTitle: (id: string) => string): string {
  switch (source.kind) {
    case 'lesson':
      return `Lesson: ${lessons.get(source.lesson)?.title ?? source.lesson}`;
    case 'topic':
      return `Topic: ${topicTitle(source.topic)}`;
    case 'domain':
      return `Domain ${source.domain}: ${EXAM_DOMAINS.find((d) => d.id === source.domain)?.short ?? ''}`;
    case 'pack':
      return `Pack: ${packTitle(source.packId)}`;
    case 'weakest':
      return 'My weakest areas';
  }
}

/**
 * Set-up, questions and summary of a practice quiz. Every answer is logged as a review. The URL names the
 * quiz (see lib/quiz/sessions.ts): a link to another source shows that source, and an unfinished quiz of
 * that source is offered for resuming, once.
 */
export function QuizRunner({ lessons }: { lessons: StudyLesson[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const data = useStudyData(lessons);
  const bank = useBank((s) => s.questions);
  const bankStatus = useBank((s) => s.status);
  const packs = useBank((s) => s.enabledPacks);
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  // This component renders only in the browser (it reads the query string under a Suspense boundary), so sessionStorage is there.
  const [sessions, setSessions] = useState<QuizSessions>(() => readSessions());
  const [setupError, setSetupError] = useState<string>();

  useEffect(() => saveSessions(sessions), [sessions]);

  const byKey = useMemo(() => new Map(bank.map((q) => [q.key, q])), [bank]);
  const packTitle = (id: string) => packs.find((p) => p.id === id)?.title ?? id;
  const urlSource = sourceFromQuery(params);
  const urlKey = urlSource ? sourceKey(urlSource) : null;
  // Between starting (or resuming) a quiz and the URL catching up, that quiz is what the learner asked for.
  const [pending, setPending] = useState<string | null>(null);
  // The URL has caught up: from now on it alone names the quiz (adjusting state while rendering, as React allows).
  if (pending !== null && pending === urlKey) setPending(null);
  const shownKey = pending ?? urlKey;
  // The learner went to another quiz (or the set-up): coming back to this one asks before resuming it.
  if (sessions.current !== undefined && sessions.current !== shownKey) setSessions((s) => ({ ...s, current: undefined }));
  const view = viewFor(sessions, shownKey);

  const go = (key: string) => {
    setPending(key);
    router.replace(`/quiz/?${key}`, { scroll: false });
  };

  const start = (source: QuizSource, length: number) => {
    const id = newAttemptId();
    const built = buildQuiz({ bank, source, length, seed: id, cards, lastRatings: weakSignals(cards, recentLogs), now: Date.now() });
    if (built.questions.length === 0) {
      setSetupError('No questions in your enabled packs match this choice. Pick another, or switch packs on in Packs.');
      return;
    }
    setSetupError(undefined);
    const key = sourceKey(source);
    setSessions((s) => putAttempt(s, { id, source: key, keys: built.questions.map((q) => q.key), index: 0, answers: {}, ...(built.note ? { note: built.note } : {}) }));
    if (key !== urlKey) go(key);
  };

  const update = (key: string, fn: (a: QuizAttempt) => QuizAttempt) =>
    setSessions((s) => {
      const a = s.attempts[key];
      return a ? { ...s, attempts: { ...s.attempts, [key]: fn(a) } } : s;
    });

  if (bankStatus === 'error') {
    return (
      <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
        The question bank could not be loaded. Reload the page to try again.
      </p>
    );
  }
  if (!data.ready) return <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading questions…</p>;

  const titleOf = (key: string) => {
    const src = sourceOfKey(key);
    return src ? describeSource(src, data.lessonBySlug, packTitle) : key;
  };

  if (view.kind === 'ask-resume') {
    const a = view.attempt;
    const answered = Object.keys(a.answers).length;
    return (
      <section aria-labelledby="resume-heading" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="resume-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
          Resume your unfinished quiz?
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          {titleOf(a.source)}: you answered {answered} of {a.keys.length} questions.
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="button" autoFocus onClick={() => setSessions((s) => putAttempt(s, a))} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400">
            Resume the quiz
          </button>
          <button type="button" onClick={() => setSessions((s) => ({ ...dropAttempt(s, a.source), current: a.source }))} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
            Start a new one
          </button>
        </div>
      </section>
    );
  }

  if (view.kind === 'setup') {
    const others = unfinished(sessions).filter((a) => a.source !== urlKey);
    return (
      <div className="space-y-6">
        <QuizSetup key={urlKey ?? ''} initial={view.source} bank={bank} lessons={lessons} packs={packs.map((p) => ({ id: p.id, title: p.title }))} onStart={start} error={setupError} />
        {others.length > 0 ? (
          <section aria-labelledby="unfinished-heading" className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="unfinished-heading" className="text-sm font-semibold text-slate-900 dark:text-white">
              Unfinished quizzes
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {others.map((a) => (
                <li key={a.source} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="text-slate-800 dark:text-slate-200">
                    {titleOf(a.source)} · {Object.keys(a.answers).length} of {a.keys.length} answered
                  </span>
                  <button
                    type="button"
                    onClick={() => {
                      setSessions((s) => putAttempt(s, a));
                      go(a.source);
                    }}
                    className="font-medium text-sky-800 underline dark:text-sky-300"
                  >
                    Resume<span className="sr-only"> {titleOf(a.source)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    );
  }

  const attempt = view.attempt;
  const questions = attempt.keys.flatMap((k) => {
    const q = byKey.get(k);
    return q ? [q] : [];
  });
  const title = titleOf(attempt.source);
  const newQuiz = () => setSessions((s) => dropAttempt(s, attempt.source));

  if (attempt.index >= questions.length) {
    return (
      <QuizSummary
        attempt={attempt}
        questions={questions}
        title={title}
        lessonBySlug={data.lessonBySlug}
        onAgain={() => {
          const src = sourceOfKey(attempt.source);
          if (src) start(src, attempt.keys.length);
        }}
        onNew={newQuiz}
      />
    );
  }

  const current = questions[attempt.index]!;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-slate-900 dark:text-white">{title}</p>
          {attempt.note ? <p className="text-sm text-slate-600 dark:text-slate-400">{attempt.note}</p> : null}
        </div>
        <button
          type="button"
          onClick={() => update(attempt.source, (a) => ({ ...a, index: a.keys.length }))}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          End quiz
        </button>
      </div>
      <div className="h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Quiz progress" aria-valuemin={0} aria-valuemax={questions.length} aria-valuenow={attempt.index}>
        <div className="h-2 rounded-full bg-brand-500" style={{ width: `${(attempt.index / questions.length) * 100}%` }} />
      </div>
      <Suspense fallback={<p className="py-10 text-center text-slate-600 dark:text-slate-400">Loading question…</p>}>
        <QuizQuestion
          key={`${attempt.id}-${current.key}`}
          item={current}
          attempt={attempt}
          total={questions.length}
          lessonBySlug={data.lessonBySlug}
          onAnswered={(r) => update(attempt.source, (a) => ({ ...a, answers: { ...a.answers, [current.key]: { correct: r.correct, selected: r.selected } } }))}
          onNext={() => update(attempt.source, (a) => ({ ...a, index: a.index + 1 }))}
        />
      </Suspense>
    </div>
  );
}

function QuizQuestion({
  item,
  attempt,
  total,
  lessonBySlug,
  onAnswered,
  onNext,
}: {
  item: BankQuestion;
  attempt: QuizAttempt;
  total: number;
  lessonBySlug: ReadonlyMap<string, StudyLesson>;
  onAnswered: (r: AnswerResult) => void;
  onNext: () => void;
}) {
  const recorder = useRecordAnswer('quiz');
  // Only an answer given before this card appeared (i.e. before a reload) opens it in review mode.
  const [previous] = useState(() => attempt.answers[item.key]);
  const links = questionLessonLinks(item, lessonBySlug);
  const last = attempt.index + 1 >= total;
  return (
    <QuestionCard
      item={item}
      seed={`quiz-${attempt.id}`}
      number={attempt.index + 1}
      total={total}
      askConfidence
      autoFocus
      lessonLinks={links}
      // Reloaded after answering: show the answer already given (it is already in the review log).
      {...(previous ? { mode: 'review' as const, reviewAnswer: previous.selected } : {})}
      onAnswered={(r) => {
        onAnswered(r);
        void recorder.record(item, r);
      }}
      onNext={onNext}
      nextLabel={last ? 'See your score' : 'Next question'}
      feedbackExtra={<NextReviewNote state={recorder.state} lessonHref={links[0]?.href} />}
    />
  );
}

function QuizSetup({
  initial,
  bank,
  lessons,
  packs,
  onStart,
  error,
}: {
  initial: QuizSource | null;
  bank: readonly BankQuestion[];
  lessons: readonly StudyLesson[];
  packs: { id: string; title: string }[];
  onStart: (source: QuizSource, length: number) => void;
  error?: string;
}) {
  const [kind, setKind] = useState<QuizSource['kind']>(initial?.kind ?? 'lesson');
  const lessonOptions = useMemo(() => lessons.map((l) => ({ value: l.slug, label: l.title, count: quizPool(bank, { kind: 'lesson', lesson: l.slug }).length })).filter((o) => o.count > 0), [lessons, bank]);
  const topicOptions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of bank) for (const t of q.question.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, label: topicTitle(value), count })).sort((a, b) => a.label.localeCompare(b.label));
  }, [bank]);
  const domainOptions = useMemo(() => EXAM_DOMAINS.map((d) => ({ value: String(d.id), label: `Domain ${d.id}: ${d.short}`, count: quizPool(bank, { kind: 'domain', domain: d.id }).length })).filter((o) => o.count > 0), [bank]);
  const packOptions = useMemo(() => packs.map((p) => ({ value: p.id, label: p.title, count: quizPool(bank, { kind: 'pack', packId: p.id }).length })), [packs, bank]);
  const optionsFor = { lesson: lessonOptions, topic: topicOptions, domain: domainOptions, pack: packOptions, weakest: [] } as const;
  const initialValue =
    initial?.kind === 'lesson' ? initial.lesson : initial?.kind === 'topic' ? initial.topic : initial?.kind === 'domain' ? String(initial.domain) : initial?.kind === 'pack' ? initial.packId : undefined;
  const [values, setValues] = useState<Partial<Record<QuizSource['kind'], string>>>(initial && initialValue ? { [initial.kind]: initialValue } : {});
  const [length, setLength] = useState<number>(10);
  const id = useId();
  const options = optionsFor[kind];
  const value = values[kind] ?? options[0]?.value ?? '';
  const available = kind === 'weakest' ? bank.length : (options.find((o) => o.value === value)?.count ?? 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const source: QuizSource =
      kind === 'lesson' ? { kind, lesson: value } : kind === 'topic' ? { kind, topic: value } : kind === 'domain' ? { kind, domain: Number(value) } : kind === 'pack' ? { kind, packId: value } : { kind: 'weakest' };
    onStart(source, length);
  };

  const KINDS: { kind: QuizSource['kind']; label: string }[] = [
    { kind: 'lesson', label: 'A lesson' },
    { kind: 'topic', label: 'A topic' },
    { kind: 'domain', label: 'An exam domain' },
    { kind: 'pack', label: 'A question pack' },
    { kind: 'weakest', label: 'My weakest areas' },
  ];
  const selectLabel = { lesson: 'Lesson', topic: 'Topic', domain: 'Domain', pack: 'Pack', weakest: '' }[kind];

  return (
    <form onSubmit={submit} aria-label="Quiz set-up" className="space-y-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900 dark:text-white">Quiz me on</legend>
        <div className="mt-3 flex flex-wrap gap-2">
          {KINDS.map((k) => (
            <label
              key={k.kind}
              className="cursor-pointer rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-700 dark:border-slate-700 dark:text-slate-200 dark:has-[:checked]:border-white dark:has-[:checked]:bg-white dark:has-[:checked]:text-slate-900"
            >
              <input type="radio" name="quiz-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} className="sr-only" />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        {kind !== 'weakest' ? (
          <div>
            <label htmlFor={`${id}-source`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
              {selectLabel}
            </label>
            <select id={`${id}-source`} value={value} onChange={(e) => setValues((v) => ({ ...v, [kind]: e.target.value }))} className={fieldInput}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} ({o.count})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">Questions from the topics you recall least well, the ones you got wrong last time first. With no history yet, a mixed quiz.</p>
        )}
        <div>
          <label htmlFor={`${id}-length`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Questions
          </label>
          <select id={`${id}-length`} value={length} onChange={(e) => setLength(Number(e.target.value))} className={fieldInput}>
            {QUIZ_LENGTHS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={kind !== 'weakest' && !value} className="rounded-lg bg-brand-500 px-5 py-2.5 text-sm font-semibold text-slate-950 hover:bg-brand-400 disabled:opacity-50">
          Start quiz
        </button>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {available < length && kind !== 'weakest' ? `Only ${available} questions match, so the quiz will have ${available}.` : `${available} questions to draw from.`}
        </p>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function QuizSummary({
  attempt,
  questions,
  title,
  lessonBySlug,
  onAgain,
  onNew,
}: {
  attempt: QuizAttempt;
  questions: BankQuestion[];
  title: string;
  lessonBySlug: ReadonlyMap<string, StudyLesson>;
  onAgain: () => void;
  onNew: () => void;
}) {
  const answered = questions.filter((q) => attempt.answers[q.key]);
  const skipped = questions.length - answered.length;
  const right = answered.filter((q) => attempt.answers[q.key]!.correct);
  const missed = answered.filter((q) => !attempt.answers[q.key]!.correct);
  const percent = answered.length ? Math.round((right.length / answered.length) * 100) : 0;

  // What to study next: the lesson sections behind the missed questions, most missed first.
  const sections = new Map<string, { href: string; label: string; count: number }>();
  for (const q of missed) {
    const link = questionLessonLinks(q, lessonBySlug)[0];
    if (!link) continue;
    const entry = sections.get(link.href) ?? { ...link, count: 0 };
    entry.count++;
    sections.set(link.href, entry);
  }
  const study = [...sections.values()].sort((a, b) => b.count - a.count);
  const topicMisses = new Map<string, number>();
  for (const q of missed) for (const t of q.question.topics) topicMisses.set(t, (topicMisses.get(t) ?? 0) + 1);
  const worstTopic = [...topicMisses].sort((a, b) => b[1] - a[1])[0]?.[0];

  return (
    <section aria-labelledby="summary-heading" className="space-y-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <p className="text-sm font-semibold text-slate-600 dark:text-slate-400">{title}</p>
        <h2 id="summary-heading" className="mt-1 text-2xl font-bold text-slate-900 dark:text-white">
          You scored {right.length} of {answered.length} ({percent}%)
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {missed.length === 0
            ? 'Every answer right. These questions now come back later in your reviews; try a harder source or your weakest areas next.'
            : `The ${missed.length === 1 ? 'question you missed comes' : `${missed.length} questions you missed come`} back soon in your reviews.`}
          {skipped > 0 ? ` You ended the quiz with ${skipped} question${skipped === 1 ? '' : 's'} not answered.` : ''}
        </p>
      </div>
      {study.length > 0 ? (
        <div>
          <h3 className="font-semibold text-slate-900 dark:text-white">Study next</h3>
          <ul className="mt-2 space-y-1.5">
            {study.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="text-sky-800 underline dark:text-sky-300">
                  {s.label}
                </Link>{' '}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  ({s.count} missed)
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold text-slate-900 dark:text-white">Your answers</h3>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Open a question to see your answer and the explanation.</p>
        <ol className="mt-2 space-y-2">
          {questions.map((q, i) => (
            <SummaryItem key={q.key} item={q} number={i + 1} total={questions.length} attempt={attempt} lessonBySlug={lessonBySlug} />
          ))}
        </ol>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={onAgain} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400">
          Another quiz like this
        </button>
        {worstTopic ? (
          <Link href={`/quiz/?topic=${worstTopic}`} onClick={onNew} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
            Quiz on {topicTitle(worstTopic)}
          </Link>
        ) : null}
        <button type="button" onClick={onNew} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
          Choose another quiz
        </button>
        <Link href="/review/" className="px-2 py-2 text-sm font-medium text-sky-800 underline dark:text-sky-300">
          Go to today’s reviews
        </Link>
      </div>
    </section>
  );
}

/** One line of the summary; opened, the question shows again with the learner's answer and every explanation. */
function SummaryItem({ item, number, total, attempt, lessonBySlug }: { item: BankQuestion; number: number; total: number; attempt: QuizAttempt; lessonBySlug: ReadonlyMap<string, StudyLesson> }) {
  const [open, setOpen] = useState(false);
  const answer = attempt.answers[item.key];
  const panelId = useId();
  const plain = item.question.stem.replace(/```[\s\S]*?```/g, ' [code] ').replace(/[*`_#>]/g, '').replace(/\s+/g, ' ').trim();
  return (
    <li className="rounded-xl border border-slate-200 dark:border-slate-800">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} className="flex w-full items-start gap-2 rounded-xl p-3 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60">
        <span className={`w-24 flex-none font-semibold ${!answer ? 'text-slate-600 dark:text-slate-400' : answer.correct ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>
          {!answer ? 'Not answered' : answer.correct ? 'Right' : 'Wrong'}
        </span>
        <span className="min-w-0 flex-1 text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
          {number}. {plain.length > 110 ? `${plain.slice(0, 109)}…` : plain}
        </span>
      </button>
      <div id={panelId} hidden={!open} className="px-3 pb-3">
        {open ? (
          <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading question…</p>}>
            <QuestionCard item={item} seed={`quiz-${attempt.id}`} number={number} total={total} mode="review" reviewAnswer={answer?.selected ?? []} lessonLinks={questionLessonLinks(item, lessonBySlug)} />
          </Suspense>
        ) : null}
      </div>
    </li>
  );
}
