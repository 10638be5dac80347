import Link from 'next/link';
import { Dashboard } from '@/components/home/dashboard';
import { HomeIntro } from '@/components/home/home-intro';
import { readLessonIndex } from '@/lib/content/generated';
import { EXAM_FORMAT } from '@/lib/content/domains';
import { factById } from '@/lib/content/facts';

const HIGHLIGHT_FACTS = ['timeout', 'payload-async', 'scaling-rate', 'async-retries'] as const;

export default function HomePage() {
  const lessons = readLessonIndex().map(({ slug, title, summary, minutes, keyFacts }) => ({ slug, title, summary, minutes, factIds: keyFacts.map((f) => f.id) }));
  const facts = HIGHLIGHT_FACTS.map((id) => factById(id)!);
  const hero = (
    <section className="grid gap-10 py-12 md:grid-cols-[1.2fr_1fr] md:items-center md:py-16">
      <div>
        <p className="inline-flex items-center gap-2 rounded-full border border-brand-400/60 bg-brand-50 px-3 py-1 text-xs font-semibold text-brand-800 dark:border-brand-700 dark:bg-brand-800/20 dark:text-brand-400">
          {EXAM_FORMAT.code} · {EXAM_FORMAT.name}
        </p>
        <h1 className="mt-4 text-4xl font-extrabold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
          Operate AWS Lambda like the exam expects you to.
        </h1>
        <p className="mt-5 text-lg text-slate-700 dark:text-slate-300">
          Lambda Ops Lab teaches the Lambda half of the CloudOps Engineer exam the way an operator meets it: what throttles, what retries, where
          a failed event goes, and which metric tells you. Every number is checked against the AWS documentation, and your progress stays in your browser.
        </p>
        <div className="mt-7 flex flex-wrap gap-3">
          <Link href="/learn/" className="rounded-lg bg-brand-500 px-5 py-2.5 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400">
            Browse the lessons
          </Link>
          {lessons[0] ? (
            <Link href={`/learn/${lessons[0].slug}/`} className="rounded-lg border border-slate-300 px-5 py-2.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
              Read lesson 1
            </Link>
          ) : null}
        </div>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-slate-950 p-5 font-mono text-sm text-slate-200 shadow-xl dark:border-slate-800">
        <p className="text-slate-400" aria-hidden="true">$ facts you will be asked about</p>
        <dl className="mt-3 space-y-3">
          {facts.map((f) => (
            <div key={f.id}>
              <dt className="text-brand-400">{f.label}</dt>
              <dd className="text-slate-100">{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
  return (
    <div className="mx-auto max-w-6xl px-4 sm:px-6">
      <HomeIntro dashboard={<Dashboard lessons={lessons} />} hero={hero} />
      <section aria-labelledby="how-heading" className="mt-16">
        <h2 id="how-heading" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">How it works</h2>
        <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[
            { href: '/learn/', title: 'Lessons that go past the notes', body: `${lessons.length} lessons cover every topic of the syllabus, with the precise numbers, the common traps, worked ops scenarios and checkpoint questions.` },
            { href: '/simulator/', title: 'A Lambda you can break', body: 'Send bursts, poison messages and failing events into a simulated function and watch throttles, retries, DLQs and metrics happen, step by step.' },
            { href: '/review/', title: 'Reviews that adapt to you', body: 'Every question and key fact is a card. An FSRS scheduler brings each one back just before you would forget it.' },
            { href: '/exam/', title: 'Practice exams in the real format', body: '65 questions in 130 minutes, weighted like SOA-C03, with an estimated scaled score and a breakdown by domain.' },
            { href: '/packs/', title: 'Bring your class’s questions', body: 'Instructors write packs in a documented YAML format, or convert GIFT, Aiken and CSV; learners import them in a minute.' },
            { href: '/settings/', title: 'Your data, your browser', body: 'Progress is stored on this device only. Export it to a file at any time and import it on another.' },
          ].map((c) => (
            <Link key={c.title} href={c.href} className="group rounded-2xl border border-slate-200 p-5 transition hover:border-slate-400 hover:shadow-sm dark:border-slate-800 dark:hover:border-slate-600">
              <h3 className="font-semibold text-slate-900 group-hover:underline dark:text-white">{c.title}</h3>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{c.body}</p>
            </Link>
          ))}
        </div>
      </section>
    </div>
  );
}
