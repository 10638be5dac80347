'use client';

import { useEffect, useState } from 'react';
import type { LessonHeading } from '@/lib/content/lesson-index';

/** Highlights the section being read, so a long lesson keeps the learner oriented. */
export function TableOfContents({ headings }: { headings: LessonHeading[] }) {
  const [active, setActive] = useState<string | undefined>(headings[0]?.id);

  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((e): e is HTMLElement => e !== null);
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        if (visible[0]) setActive(visible[0].target.id);
      },
      { rootMargin: '-80px 0px -70% 0px' },
    );
    elements.forEach((e) => observer.observe(e));
    return () => observer.disconnect();
  }, [headings]);

  if (headings.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold text-slate-900 dark:text-slate-100">On this page</p>
      <ol className="space-y-1 border-l border-slate-200 dark:border-slate-800">
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? 'pl-6' : 'pl-3'}>
            <a
              href={`#${h.id}`}
              aria-current={active === h.id ? 'location' : undefined}
              className="-ml-px block border-l-2 border-transparent py-0.5 pl-2 text-slate-600 hover:text-slate-900 aria-[current=location]:border-brand-600 aria-[current=location]:font-medium aria-[current=location]:text-slate-900 dark:text-slate-400 dark:hover:text-white dark:aria-[current=location]:text-white"
            >
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
