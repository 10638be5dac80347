'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { EXAM_DOMAINS } from '@/lib/content/domains';
import { DAY_MS } from '@/lib/srs/constants';
import { progressStats, PROGRESS_HISTORY_DAYS as HISTORY_DAYS } from '@/lib/srs/progress-stats';
import type { ResetMarker, ReviewLogRecord } from '@/lib/srs/records';
import { masteryQuestions } from '@/lib/srs/stats';
import { cardLessonHref } from '@/components/review/lesson-links';
import type { StudyLesson } from '@/components/review/types';
import { useNow, useStudyData } from '@/components/review/use-study-data';
import { useReview } from '@/stores/review-store';
import { loadResets } from '@/stores/card-reset';
import { ExamPlanSection } from '@/components/plan/exam-plan-section';
import { ForecastChart } from './forecast-chart';
import { Heatmap } from './heatmap';
import { MasteryList } from './mastery-list';
import { ProgressMistakes } from './progress-mistakes';
import { LAB_FACTS } from '@/lib/labs/facts';
import { useLabs } from '@/stores/labs-store';


/** The Progress page: activity, the forecast, retention, mastery, lessons and streak, all computed in the browser. */
export function ProgressView({ lessons }: { lessons: StudyLesson[] }) {
  const data = useStudyData(lessons);
  const passedLabs = useLabs((s) => s.passed);
  const [now] = useNow(60_000);
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  const recentSince = useReview((s) => s.recentSince);
  const settings = useReview((s) => s.settings);
  const timeZone = useReview((s) => s.timeZone);
  const parameters = useReview((s) => s.parameters?.w);
  const loadHistory = useReview((s) => s.loadHistory);
  const [history, setHistory] = useState<ReviewLogRecord[] | null>(null);
  const [resets, setResets] = useState<ResetMarker[]>([]);

  // The year's log is read once; reviews made since (here or in another tab) arrive through the live `recentLogs`.
  useEffect(() => {
    if (data.reviewStatus !== 'ready' || recentSince === 0) return;
    let cancelled = false;
    void Promise.all([loadHistory(recentSince - HISTORY_DAYS * DAY_MS), loadResets(recentSince - HISTORY_DAYS * DAY_MS)]).then(([logs, resets]) => {
      if (cancelled) return;
      setHistory(logs.filter((l) => l.reviewedAt < recentSince));
      setResets(resets);
    });
    return () => {
      cancelled = true;
    };
  }, [data.reviewStatus, recentSince, loadHistory]);

  const logs = useMemo(() => (history ? [...history, ...recentLogs] : null), [history, recentLogs]);

  const stats = useMemo(() => {
    if (!logs || now === 0 || !data.ready) return null;
    return progressStats({
      logs,
      resets,
      cards,
      questions: masteryQuestions(data.questionsByCard).map(([key, q]) => ({ key, topics: q.question.topics, domain: q.question.domain })),
      facts: [...data.facts.values()].map((f) => ({ key: f.key, domains: f.lesson.domains })),
      isActive: data.isActive,
      now,
      timeZone,
      dayStartHour: settings.dayStartHour,
      parameters,
    });
  }, [logs, resets, now, data, cards, timeZone, settings.dayStartHour, parameters]);

  const completed = lessons.filter((l) => data.progress[l.slug]?.status === 'completed').length;

  if (data.reviewStatus === 'error') {
    return (
      <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
        Your review history could not be loaded. Reload the page to try again.
      </p>
    );
  }
  if (!stats) return <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading your progress…</p>;

  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);
  const totalCards = data.facts.size + data.questionsByCard.size;
  const labsPassed = LAB_FACTS.filter((l) => passedLabs[l.labId] !== undefined).length;

  return (
    <div className="space-y-12">
      <section aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Tile label="Reviews today" value={String(stats.days[stats.days.length - 1]?.count ?? 0)} />
        <Tile label="Streak" value={`${stats.streak.current} day${stats.streak.current === 1 ? '' : 's'}`} hint={`Longest: ${stats.streak.longest}`} />
        <Tile label="Cards studied" value={String(stats.studied)} hint={`of ${totalCards} (questions and key facts)`} />
        <Tile label="Lessons completed" value={`${completed} / ${lessons.length}`} />
      </section>

      <ExamPlanSection data={data} now={now} />

      <Section id="activity" title="Reviews per day" intro={`${stats.totalReviews} reviews in the last year. Days start at ${String(settings.dayStartHour).padStart(2, '0')}:00 (${timeZone}).`}>
        <Heatmap days={stats.days} />
      </Section>

      <Section id="forecast" title="Due in the next 30 days" intro="How many cards fall due each day if you keep up. Overdue cards count on today.">
        <ForecastChart days={stats.forecast} />
      </Section>

      <Section id="retention" title="True retention" intro={`The share of reviews of graduated cards that you remembered (anything but Again). The scheduler aims for your desired retention of ${Math.round(settings.desiredRetention * 100)}%.`}>
        <dl className="grid grid-cols-3 gap-3">
          {(
            [
              ['Last 7 days', stats.retention.week],
              ['Last 30 days', stats.retention.month],
              ['Last year', stats.retention.year],
            ] as const
          ).map(([label, r]) => (
            <div key={label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="mt-1 text-2xl font-bold text-slate-900 dark:text-white">{pct(r.rate)}</dd>
              <dd className="text-xs text-slate-600 dark:text-slate-400">{r.reviews === 0 ? 'no graduated reviews yet' : `${r.passed} of ${r.reviews} reviews`}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="domains" title="Mastery by exam domain" intro="How much of each domain you would recall right now: the average chance of recall over all its questions and key facts, counting cards you have not studied as 0.">
        <MasteryList rows={stats.byDomain} label="Mastery by domain" quizHref={(g) => `/quiz/?domain=${g}`} />
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Exam weights: {EXAM_DOMAINS.map((d) => `${d.id}: ${Math.round(d.weight * 100)}%`).join(', ')}.</p>
      </Section>

      <Section id="topics" title="Mastery by topic" intro="Strongest first; topics you have not started come last. “Shaky” counts questions you got wrong last time or keep forgetting.">
        <MasteryList rows={stats.byTopic} label="Mastery by topic" quizHref={(g) => `/quiz/?topic=${g}`} columns={2} />
        <p className="mt-4 text-sm">
          <Link href="/quiz/?weakest=1" className="font-medium text-sky-800 underline dark:text-sky-300">
            Quiz your weakest topics
          </Link>
        </p>
      </Section>

      <Section id="mistakes" title="Mistakes you keep making" intro="Every wrong option in the core bank names the mistaken belief behind it. These are the ones you chose most in your last three practice exams.">
        <ProgressMistakes />
      </Section>

      <Section id="leeches" title="Leeches" intro="Cards you have forgotten 8 times or more. Re-read the lesson rather than reviewing them again.">
        {stats.leeches.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">None. Nothing keeps slipping.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {stats.leeches.map((c) => {
              const fact = data.facts.get(c.key);
              const q = data.questionsByCard.get(c.key);
              const href = cardLessonHref(c.key, q, data.lessonBySlug);
              return (
                <li key={c.key} className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
                  <span className="font-medium">{fact ? fact.fact.prompt : (q?.question.stem.replace(/[*`_#>]/g, '').slice(0, 120) ?? c.key)}</span> · forgotten {c.lapses} times{' '}
                  {href ? (
                    <Link href={href} className="font-semibold underline">
                      Re-read the lesson
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="lessons" title="Lessons completed" intro={`${completed} of ${lessons.length} lessons marked complete.`}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {lessons.map((l) => {
            const status = data.progress[l.slug]?.status;
            return (
              <li key={l.slug} className="flex items-center gap-2 text-sm">
                <span
                  aria-hidden="true"
                  className={`inline-block h-3 w-3 flex-none rounded-full ${status === 'completed' ? 'bg-emerald-600 dark:bg-emerald-400' : status === 'started' ? 'bg-brand-500' : 'bg-slate-300 dark:bg-slate-700'}`}
                />
                <Link href={`/learn/${l.slug}/`} className="text-slate-800 hover:underline dark:text-slate-200">
                  {l.title}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">{status === 'completed' ? '(completed)' : status === 'started' ? '(started)' : ''}</span>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section id="labs" title="Labs passed" intro={`${labsPassed} of ${LAB_FACTS.length} hands-on labs passed. A passed lab’s key facts join your review cards.`}>
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Labs">
          {LAB_FACTS.map((l) => {
            const at = passedLabs[l.labId];
            return (
              <li key={l.labId} className="flex items-start gap-2 text-sm">
                <span aria-hidden="true" className={`mt-1 inline-block h-3 w-3 flex-none rounded-full ${at !== undefined ? 'bg-emerald-600 dark:bg-emerald-400' : 'bg-slate-300 dark:bg-slate-700'}`} />
                <span>
                  <Link href={`/labs/${l.labId}/`} className="text-slate-800 hover:underline dark:text-slate-200">
                    {l.title}
                  </Link>{' '}
                  <span className="text-slate-600 dark:text-slate-400">{at !== undefined ? `(passed ${new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })})` : '(not passed yet)'}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}

function Tile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-2 text-2xl font-bold text-slate-900 dark:text-white">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
    </div>
  );
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900 dark:text-white">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{intro}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
