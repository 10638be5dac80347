import type { ReactNode } from 'react';
import type { BuiltInPackIndex } from '@/lib/packs/built-in-index';
import { BankPreload } from './bank-preload';

// Whole class names, so Tailwind's scan of the source finds them.
const WIDTHS = { '3xl': 'max-w-3xl', '5xl': 'max-w-5xl', '6xl': 'max-w-6xl' } as const;
const INTROS = { plain: 'mt-2 text-slate-700 dark:text-slate-300', lead: 'mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300' } as const;

/**
 * The frame a top-level page opens with: its column, the h1 and the paragraph under it. `bank` is for pages
 * whose largest first paint is a question or card, review and browse (the route reads the index at build time
 * and passes it in). A page whose first screen is its own text does without: files the HTML asks for start
 * before that text paints and share the phone's link with the CSS and scripts it waits for (Lighthouse put the
 * quiz's, progress's, the exam's and Packs' largest paint at about 4 s with the preload and under 2.3 s without).
 */
export function PageShell({
  width,
  title,
  intro,
  introStyle = 'plain',
  bank,
  children,
}: {
  width: keyof typeof WIDTHS;
  title: string;
  intro: ReactNode;
  introStyle?: keyof typeof INTROS;
  bank?: BuiltInPackIndex;
  children: ReactNode;
}) {
  return (
    <div className={`mx-auto ${WIDTHS[width]} px-4 py-10 sm:px-6`}>
      {bank ? <BankPreload index={bank} /> : null}
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
      <p className={INTROS[introStyle]}>{intro}</p>
      {children}
    </div>
  );
}
