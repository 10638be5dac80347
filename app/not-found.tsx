import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-800 dark:text-brand-400">404</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">This page does not exist</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">The link may be old. The lessons are a good place to start again.</p>
      <Link href="/learn/" className="mt-6 inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-slate-900">
        Go to the lessons
      </Link>
    </div>
  );
}
