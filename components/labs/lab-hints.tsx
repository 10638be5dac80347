/** A lab's hints, folded away so a learner tries the task first. Shared by the lab page and the lesson embed. */
export function LabHints({ hints, className }: { hints: readonly string[]; className: string }) {
  return (
    <details className={className}>
      <summary className="cursor-pointer font-semibold text-slate-900 dark:text-white">Hints</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-800 dark:text-slate-200">
        {hints.map((h) => (
          <li key={h} className="break-words">
            {h}
          </li>
        ))}
      </ol>
    </details>
  );
}
