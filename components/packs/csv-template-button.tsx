'use client';

import { downloadText } from '@/components/ui/download';

/** A CSV with just the header row, for instructors who keep questions in a spreadsheet. */
export function CsvTemplateButton({ header }: { header: string }) {
  return (
    <button
      type="button"
      onClick={() => downloadText('question-pack-template.csv', `${header}\n`, 'text/csv')}
      className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      Download a CSV template
    </button>
  );
}
