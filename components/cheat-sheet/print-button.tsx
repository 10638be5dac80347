'use client';

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">
      Print or save as PDF
    </button>
  );
}
