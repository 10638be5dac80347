import type { ReactNode } from 'react';

export type CalloutKind = 'note' | 'tip' | 'trap' | 'exam' | 'warning' | 'scenario';

const STYLES: Record<CalloutKind, { label: string; box: string; badge: string; icon: string }> = {
  note: { label: 'Note', box: 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40', badge: 'text-sky-800 dark:text-sky-300', icon: 'M12 8h.01M11 12h1v4h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z' },
  tip: { label: 'Tip', box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40', badge: 'text-emerald-800 dark:text-emerald-300', icon: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.6.6 1 1.4 1 2.5h6c0-1.1.4-1.9 1-2.5A6 6 0 0 0 12 3z' },
  trap: { label: 'Common trap', box: 'border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40', badge: 'text-amber-900 dark:text-amber-300', icon: 'M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z' },
  exam: { label: 'Exam tip', box: 'border-violet-300 bg-violet-50 dark:border-violet-800 dark:bg-violet-950/40', badge: 'text-violet-800 dark:text-violet-300', icon: 'M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h9' },
  warning: { label: 'Warning', box: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40', badge: 'text-red-800 dark:text-red-300', icon: 'M12 9v4m0 4h.01M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z' },
  scenario: { label: 'Ops scenario', box: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900', badge: 'text-slate-800 dark:text-slate-200', icon: 'M4 17l6-6-6-6m8 14h8' },
};

export function Callout({ kind = 'note', title, children }: { kind?: CalloutKind; title?: string; children: ReactNode }) {
  const style = STYLES[kind] ?? STYLES.note;
  return (
    <aside aria-label={title ? `${style.label}: ${title}` : style.label} className={`not-prose my-6 rounded-xl border-l-4 border p-4 sm:p-5 ${style.box}`}>
      <p className={`flex items-center gap-2 text-xs font-bold uppercase tracking-wide ${style.badge}`}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d={style.icon} />
        </svg>
        {style.label}
      </p>
      {title ? <p className="mt-1 font-semibold text-slate-900 dark:text-slate-100">{title}</p> : null}
      <div className="prose prose-slate prose-sm mt-2 max-w-none dark:prose-invert prose-p:my-2 prose-ul:my-2 prose-pre:my-3">{children}</div>
    </aside>
  );
}
