'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import { EXAM_FORMAT } from '@/lib/content/domains';
import { topicTitle } from '@/lib/content/topics';
import { timeUsedMs, type ExamAttempt } from '@/lib/exam/attempt';
import { formatDateTime, formatDuration, percent } from '@/lib/format';
import { weakTopics } from '@/lib/exam/scoring';
import { AddToReviews } from './add-to-reviews';
import { domainLabel } from './format';
import { TopicQuizLinks, WeakTopicsQuizLink } from './weak-topic-links';

// The per-question review renders Markdown; it loads after the score is on screen.
const ResultReview = lazy(() => import('./result-review').then((m) => ({ default: m.ResultReview })));

function Bar({ value, mark }: { value: number; mark: number }) {
  return (
    <div className="relative h-2.5 w-full rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
      <div className={`h-2.5 rounded-full ${value >= mark ? 'bg-emerald-600 dark:bg-emerald-500' : 'bg-brand-500'}`} style={{ width: `${Math.max(value, 1)}%` }} />
      <div className="absolute -top-1 h-4.5 w-0.5 bg-slate-900 dark:bg-white" style={{ left: `${mark}%` }} />
    </div>
  );
}

/** Where the score sits on the 100–1000 scale, with the pass mark. The numbers are in the text; this is a picture of them. */
/** The per-domain and per-topic tables: their column headings are for screen readers, the rows say it visually. */
function ScoreTable({ caption, subject, className, children }: { caption: string; subject: string; className?: string; children: ReactNode }) {
  return (
    <table className={`${className ? `${className} ` : ''}w-full text-left text-sm`}>
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{subject}</th>
          <th scope="col">Correct</th>
          <th scope="col">Percent</th>
        </tr>
      </thead>
      {children}
    </table>
  );
}

function ScoreScale({ score }: { score: number }) {
  const { minScore, maxScore, passScore } = EXAM_FORMAT;
  const at = (s: number) => `${((s - minScore) / (maxScore - minScore)) * 100}%`;
  const passed = score >= passScore;
  return (
    <div aria-hidden="true" className="mt-6 pb-5">
      <div className="relative h-3 rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={`absolute inset-y-0 left-0 rounded-full ${passed ? 'bg-emerald-600 dark:bg-emerald-500' : 'bg-brand-500'}`} style={{ width: at(score) }} />
        <div className="absolute -top-1.5 h-6 w-0.5 bg-slate-900 dark:bg-white" style={{ left: at(passScore) }} />
        <span className="absolute top-5 -translate-x-1/2 text-xs font-semibold text-slate-800 dark:text-slate-200" style={{ left: at(passScore) }}>
          {passScore}
        </span>
        <span className="absolute left-0 top-5 text-xs text-slate-600 dark:text-slate-400">{minScore}</span>
        <span className="absolute right-0 top-5 text-xs text-slate-600 dark:text-slate-400">{maxScore}</span>
      </div>
    </div>
  );
}

/** A finished exam: the estimated scaled score, per-domain and per-topic results, timing, and the review of every question. */
export function ExamResults({ attempt }: { attempt: ExamAttempt }) {
  const result = attempt.result!;
  const used = timeUsedMs(attempt, attempt.submittedAt ?? attempt.startedAt);
  const onScreen = attempt.items.reduce((s, i) => s + i.timeMs, 0);
  const weak = weakTopics(result.byTopic, result.passPercent);
  const wrong = result.total - result.correct;
  const flagged = attempt.items.filter((i) => i.flagged).length;
  const slowest = [...attempt.items.map((item, index) => ({ index, ms: item.timeMs }))].sort((a, b) => b.ms - a.ms).slice(0, 3).filter((s) => s.ms > 0);

  return (
    <div className="space-y-10">
      {attempt.submitReason === 'time-up' ? (
        <p role="status" className="rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 font-medium text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          Time ran out, so your exam was submitted with the answers you had given.
        </p>
      ) : null}

      <section aria-labelledby="score-heading" className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm md:col-span-2 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="score-heading" className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            Estimated scaled score
          </h2>
          <div className="mt-2 flex flex-wrap items-end gap-4">
            <p className="text-6xl font-extrabold tabular-nums tracking-tight text-slate-900 dark:text-white">
              {result.scaled}
              <span className="text-2xl font-semibold text-slate-600 dark:text-slate-400"> / {EXAM_FORMAT.maxScore}</span>
            </p>
            <p
              className={`mb-2 rounded-full px-3 py-1 text-sm font-bold ${result.passed ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' : 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100'}`}
            >
              {result.passed ? 'Pass' : 'Below the pass mark'} ({EXAM_FORMAT.passScore})
            </p>
          </div>
          <p className="mt-3 text-slate-800 dark:text-slate-200">
            {result.correct} of {result.total} correct ({result.percent}%). {result.answered < result.total ? `${result.total - result.answered} left unanswered. ` : ''}
            Here {result.passPercent}% correct maps to {EXAM_FORMAT.passScore}.
          </p>
          <ScoreScale score={result.scaled} />
          <dl className="mt-2 grid grid-cols-3 gap-3 text-sm">
            {[
              { label: 'Correct', value: `${result.correct}/${result.total}` },
              { label: 'Answered', value: `${result.answered}/${result.total}` },
              { label: 'Flagged', value: String(flagged) },
            ].map((s) => (
              <div key={s.label} className="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
                <dt className="text-xs text-slate-600 dark:text-slate-400">{s.label}</dt>
                <dd className="font-semibold tabular-nums text-slate-900 dark:text-white">{s.value}</dd>
              </div>
            ))}
          </dl>
          <details className="mt-4 text-sm text-slate-700 dark:text-slate-300">
            <summary className="cursor-pointer font-medium text-sky-800 underline dark:text-sky-300">This is an estimate: how it is worked out</summary>
            <div className="mt-2 space-y-2">
              <p>
                AWS reports {EXAM_FORMAT.code} results on a scale of {EXAM_FORMAT.minScore}–{EXAM_FORMAT.maxScore} with a pass at {EXAM_FORMAT.passScore}, but does not publish how
                answers convert to that scale: each exam form is equated, and {EXAM_FORMAT.questions - EXAM_FORMAT.scoredQuestions} of the {EXAM_FORMAT.questions} questions are
                unscored and unmarked. We cannot know which, so every question here counts.
              </p>
              <p>
                We draw a straight line from 0% correct (100) to {result.passPercent}% correct ({EXAM_FORMAT.passScore}), and another from there to 100% correct (1000), then
                round down. The real exam is also compensatory: there is no pass mark per domain, only the overall score.
              </p>
            </div>
          </details>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Time</h2>
          <dl className="mt-3 space-y-3 text-sm">
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Time used</dt>
              <dd className="text-lg font-semibold text-slate-900 dark:text-white">
                {formatDuration(used)}
                {attempt.spec.minutes > 0 ? <span className="text-sm font-normal text-slate-600 dark:text-slate-400"> of {formatDuration(attempt.spec.minutes * 60_000)}</span> : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Average per question</dt>
              <dd className="text-lg font-semibold text-slate-900 dark:text-white">
                {formatDuration(used / Math.max(1, result.total))}
                <span className="text-sm font-normal text-slate-600 dark:text-slate-400"> (the real exam allows 2 min)</span>
              </dd>
            </div>
            {slowest.length > 0 ? (
              <div>
                <dt className="text-slate-600 dark:text-slate-400">Longest on screen</dt>
                <dd className="text-slate-900 dark:text-white">{slowest.map((s) => `Q${s.index + 1} ${formatDuration(s.ms)}`).join(' · ')}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Finished</dt>
              <dd className="text-slate-900 dark:text-white">{formatDateTime(attempt.submittedAt ?? attempt.startedAt)}</dd>
            </div>
          </dl>
          {onScreen > 0 ? <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Per-question times count only while the question was on screen.</p> : null}
        </div>
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="domain-heading" className="rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="domain-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            By domain
          </h2>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">The line marks {result.passPercent}%, this exam&apos;s pass mark.</p>
          <ScoreTable caption="Correct answers per exam domain" subject="Domain" className="mt-4">
            <tbody>
              {result.byDomain.map((d) => {
                const p = percent(d.correct, d.total);
                return (
                  <tr key={d.domain} className="align-top">
                    <th scope="row" className="w-1/2 py-2 pr-3 font-medium text-slate-900 dark:text-slate-100">
                      {d.domain}. {domainLabel(d.domain)}
                      <div className="mt-1.5">
                        <Bar value={p} mark={result.passPercent} />
                      </div>
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums text-slate-700 dark:text-slate-300">
                      {d.correct}/{d.total}
                    </td>
                    <td className="py-2 text-right font-semibold tabular-nums text-slate-900 dark:text-white">{p}%</td>
                  </tr>
                );
              })}
            </tbody>
          </ScoreTable>
        </section>

        <section aria-labelledby="topic-heading" className="rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="topic-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            By topic <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(weakest first)</span>
          </h2>
          {/* Focusable, so keyboard users can scroll a long topic list (it overflows only on some exams). */}
          <div className="mt-3 max-h-80 overflow-y-auto" tabIndex={0} role="region" aria-label="Topics, weakest first">
            <ScoreTable caption="Correct answers per topic, weakest first" subject="Topic">
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {result.byTopic.map((t) => {
                  const p = percent(t.correct, t.total);
                  return (
                    <tr key={t.topic}>
                      <th scope="row" className="py-1.5 pr-3 font-normal text-slate-900 dark:text-slate-100">
                        {topicTitle(t.topic)}
                      </th>
                      <td className="py-1.5 pr-3 text-right tabular-nums text-slate-700 dark:text-slate-300">
                        {t.correct}/{t.total}
                      </td>
                      <td className={`py-1.5 text-right font-semibold tabular-nums ${p < result.passPercent ? 'text-red-800 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}`}>{p}%</td>
                    </tr>
                  );
                })}
              </tbody>
            </ScoreTable>
          </div>
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            {weak.length > 0 ? (
              <>
                <WeakTopicsQuizLink />
                <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">A quiz that starts with the questions you got wrong here. Or quiz one weak topic:</p>
                <TopicQuizLinks label="Quiz on one weak topic" topics={weak} className="mt-2" />
              </>
            ) : (
              <p className="text-sm text-slate-700 dark:text-slate-300">No topic fell below the pass mark.</p>
            )}
          </div>
        </section>
      </div>

      <AddToReviews attempt={attempt} />

      <section aria-labelledby="review-heading">
        <h2 id="review-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Review every question
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {wrong} wrong or unanswered · {flagged} flagged. Open a question to see your answer, the correct one, and why each option is right or wrong.
        </p>
        <div className="mt-4">
          <Suspense fallback={<p className="text-slate-700 dark:text-slate-300">Loading the questions…</p>}>
            <ResultReview attempt={attempt} />
          </Suspense>
        </div>
      </section>
    </div>
  );
}
