'use client';

export interface FilterOption<T extends string> {
  value: T;
  label: string;
  n: number;
}

/** A row of toggle buttons that filters a list (all / wrong / flagged …), each with its count. */
export function FilterButtons<T extends string>({
  label,
  filters,
  value,
  onChange,
  className = '',
}: {
  label: string;
  filters: readonly FilterOption<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={`inline-flex flex-wrap rounded-lg border border-slate-300 p-0.5 dark:border-slate-700 ${className}`}>
      {filters.map((f) => (
        <button
          key={f.value}
          type="button"
          aria-pressed={value === f.value}
          onClick={() => onChange(f.value)}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 aria-pressed:bg-slate-900 aria-pressed:text-white dark:text-slate-200 dark:aria-pressed:bg-white dark:aria-pressed:text-slate-900"
        >
          {f.label} ({f.n})
        </button>
      ))}
    </div>
  );
}
