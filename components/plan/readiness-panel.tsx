import Link from 'next/link';
import { domainById } from '@/lib/content/domains';
import { topicTitle } from '@/lib/content/topics';
import type { Readiness } from '@/lib/srs/readiness';

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A probability never reads as a certainty it is not. */
const chance = (p: number) => (p > 0 && p < 0.005 ? 'under 1%' : p < 1 && p > 0.995 ? 'over 99%' : pct(p));

export const READINESS_EXPLANATION =
  'How it is computed: each exam question’s chance of being right on the day is its FSRS recall probability then, if you did no more reviews (a forgotten or never-studied question is a 1-in-4 guess), averaged per domain and weighted by the SOA-C03 domain weights; the range is where 8 in 10 exams of 65 such questions would land.';

/** The headline numbers: estimated score, its range, and the chance of 720 or more. */
export function ReadinessHeadline({ readiness, forDay }: { readiness: Readiness; forDay: string }) {
  return (
    <div>
      <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Forecast {forDay}</p>
      <p className="mt-1 text-slate-800 dark:text-slate-200">
        <span className="text-3xl font-bold tabular-nums text-slate-900 dark:text-white" data-testid="forecast-score">
          {readiness.score}
        </span>
        <span className="text-slate-600 dark:text-slate-400"> / 1000 estimated</span>
      </p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Likely range {readiness.low}–{readiness.high}. Chance of 720 or more: <strong data-testid="forecast-pass">{chance(readiness.passProbability)}</strong>.
      </p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Based on {readiness.seen} of {readiness.total} exam questions studied.
      </p>
    </div>
  );
}

/** Readiness by domain and topic, and where an hour of study adds the most. */
export function ReadinessDetails({ readiness }: { readiness: Readiness }) {
  const topics = [...readiness.byTopic].sort((a, b) => a.expected - b.expected || b.total - a.total);
  return (
    <div className="space-y-6">
      <p className="text-xs text-slate-600 dark:text-slate-400">{READINESS_EXPLANATION}</p>
      <div>
        <h3 className="text-base font-semibold text-slate-900 dark:text-white">Study next</h3>
        {readiness.studyNext.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Nothing stands out: keep up with your reviews.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm" aria-label="Study next">
            {readiness.studyNext.map((s) => (
              <li key={s.topic} className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
                <span>
                  <span className="font-medium text-slate-900 dark:text-white">{topicTitle(s.topic)}</span>
                  <span className="text-slate-600 dark:text-slate-400"> · about +{Math.max(1, Math.round(s.points))} points for an hour ({s.cards} cards)</span>
                </span>
                <Link href={`/quiz/?topic=${encodeURIComponent(s.topic)}`} className="font-medium text-sky-800 underline dark:text-sky-300">
                  Quiz {topicTitle(s.topic)}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </div>
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold text-slate-900 dark:text-white">By exam domain</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-2">Domain</th>
            <th scope="col" className="py-1 pr-2 text-right">Weight</th>
            <th scope="col" className="py-1 pr-2 text-right">Expected right</th>
            <th scope="col" className="py-1 text-right">Studied</th>
          </tr>
        </thead>
        <tbody>
          {readiness.byDomain.map((d) => (
            <tr key={d.domain} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-2 font-medium text-slate-900 dark:text-white">
                {d.domain}. {domainById(d.domain).short}
              </th>
              <td className="py-1.5 pr-2 text-right tabular-nums">{pct(d.weight)}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{pct(d.expected)}</td>
              <td className="py-1.5 text-right tabular-nums">
                {d.seen}/{d.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-white">By topic ({topics.length}), weakest first</summary>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-2">Topic</th>
              <th scope="col" className="py-1 pr-2 text-right">Expected right</th>
              <th scope="col" className="py-1 text-right">Studied</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((t) => (
              <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-normal text-slate-900 dark:text-white">
                  {topicTitle(t.id)}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{pct(t.expected)}</td>
                <td className="py-1 text-right tabular-nums">
                  {t.seen}/{t.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
