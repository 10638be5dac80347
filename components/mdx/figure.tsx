import type { ReactNode } from 'react';

export function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="not-prose my-8 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto max-w-3xl [&_svg]:h-auto [&_svg]:w-full">{children}</div>
      <figcaption className="mt-3 text-center text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}
