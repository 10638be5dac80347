'use client';

import { useEffect, useState } from 'react';
import { activeHeading } from '@/lib/content/active-heading';
import type { LessonHeading } from '@/lib/content/lesson-index';

/** At least just under the sticky header (html has scroll-padding-top: 5rem); a heading in the top quarter of the screen is the one being read. */
const READING_LINE = 96;

/** Highlights the section being read, so a long lesson keeps the learner oriented. */
export function TableOfContents({ headings }: { headings: LessonHeading[] }) {
  const [active, setActive] = useState<string | undefined>(headings[0]?.id);

  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((e): e is HTMLElement => e !== null);
    let frame = 0;
    const update = () => {
      frame = 0;
      setActive(activeHeading(elements.map((e) => ({ id: e.id, top: e.getBoundingClientRect().top })), Math.max(READING_LINE, window.innerHeight * 0.25)));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // Once now (a reload may have restored the scroll position or jumped to a #hash), then on every scroll.
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('load', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('load', schedule);
    };
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
