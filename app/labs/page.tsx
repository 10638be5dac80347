import type { Metadata } from 'next';
import Link from 'next/link';
import { LabPassedBadge } from '@/components/labs/lab-workspace';
import { LABS } from '@/lib/labs/catalog';

export const metadata: Metadata = {
  title: 'Hands-on labs',
  description: 'Hands-on Lambda labs with a simulated AWS CLI: configure DLQs, canaries, concurrency, alarms and queues, then check your work.',
};

export default function LabsPage() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Hands-on labs</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Each lab gives you a simulated AWS account and a task. Work in the terminal with real AWS CLI commands, then check your work: the check runs your account afresh in the simulator.</p>
      <ul className="mt-6 space-y-3">
        {LABS.map((l) => (
          <li key={l.id} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/labs/${l.id}/`} className="font-semibold text-slate-900 underline-offset-2 hover:underline dark:text-white">
                {l.title}
              </Link>
              <LabPassedBadge id={l.id} />
            </div>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{l.task}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
