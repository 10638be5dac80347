import Link from 'next/link';
import { findLab } from '@/lib/labs/catalog';
import { LabWorkspace } from './lab-workspace';
import { LabHints } from './lab-hints';

/**
 * A lab inside a lesson: the task, hints and the terminal with its check. Rendered on the server at build
 * time (the task and hints are plain HTML); the terminal loads when the lesson is open.
 */
export function LabEmbed({ lab: id }: { lab: string }) {
  const lab = findLab(id);
  if (!lab) throw new Error(`<LabEmbed lab="${id}">: no such lab in lib/labs/catalog.ts`);
  return (
    <section aria-label={`Lab: ${lab.title}`} className="not-prose my-6 rounded-2xl border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/40">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Hands-on lab</p>
      <h3 className="mt-1 text-lg font-bold text-slate-900 dark:text-white">
        <Link href={`/labs/${lab.id}/`} className="hover:underline">
          {lab.title}
        </Link>
      </h3>
      <p className="mt-2 text-sm text-slate-800 dark:text-slate-200">{lab.task}</p>
      <LabHints hints={lab.hints} className="mt-2 text-sm" />
      <div className="mt-3">
        <LabWorkspace id={lab.id} />
      </div>
    </section>
  );
}
