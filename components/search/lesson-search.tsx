'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useRef, useState } from 'react';
import { useHotkeys } from '@/components/ui/use-hotkeys';
import type { SearchHit } from '@/lib/content/search';

type Searcher = (query: string) => SearchHit[];
let searcher: Promise<Searcher> | undefined;

/** The index (MiniSearch, built at build time) downloads on first focus, not with every page. */
function loadSearcher(): Promise<Searcher> {
  searcher ??= (async () => {
    const [{ loadSearchIndex, searchLessons }, json] = await Promise.all([
      import('@/lib/content/search'),
      fetch('/data/search-index.json').then((r) => {
        if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
        return r.text();
      }),
    ]);
    const index = loadSearchIndex(json);
    return (query: string) => searchLessons(index, query, 8);
  })();
  searcher.catch(() => {
    searcher = undefined;
  });
  return searcher;
}

const KIND_LABEL: Record<SearchHit['kind'], string> = { lesson: 'Lesson', heading: 'Section', fact: 'Key fact' };

/** A combobox over lessons, headings and key facts. "/" anywhere focuses it. */
export function LessonSearch({ className = '' }: { className?: string }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  useHotkeys((e) => {
    if (e.key === '/' && !e.metaKey && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      input.current?.focus();
    }
  });

  const run = useCallback(async (q: string) => {
    setQuery(q);
    try {
      const search = await loadSearcher();
      setHits(search(q));
      setFailed(false);
    } catch {
      setFailed(true);
    }
    setActive(0);
    setOpen(true);
  }, []);

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery('');
    input.current?.blur();
    router.push(hit.url);
  };

  const listId = `${id}-results`;
  const showList = open && query.trim().length >= 2;
  return (
    <div className={`relative ${className}`}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Search lessons
      </label>
      <div className="relative">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-500" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <input
          ref={input}
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && hits[active] ? `${id}-hit-${active}` : undefined}
          autoComplete="off"
          placeholder="Search"
          value={query}
          onFocus={() => void loadSearcher().catch(() => setFailed(true))}
          onChange={(e) => void run(e.target.value)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              go(hits[active]);
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
          className="w-full rounded-lg border border-slate-300 bg-white py-1.5 pl-8 pr-8 text-sm text-slate-900 placeholder:text-slate-500 focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <kbd aria-hidden="true" className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 dark:border-slate-600 dark:text-slate-400">
          /
        </kbd>
      </div>
      <div role="status" className="sr-only">
        {showList ? (failed ? 'Search is unavailable.' : `${hits.length} results`) : ''}
      </div>
      {showList ? (
        <ul id={listId} role="listbox" aria-label="Search results" className="absolute left-0 right-0 z-50 mt-1 max-h-96 overflow-y-auto rounded-xl border border-slate-200 bg-white p-1 shadow-lg sm:min-w-[24rem] dark:border-slate-700 dark:bg-slate-900">
          {failed ? <li className="p-3 text-sm text-red-800 dark:text-red-300">Search could not be loaded. Check your connection and try again.</li> : null}
          {!failed && hits.length === 0 ? <li className="p-3 text-sm text-slate-600 dark:text-slate-400">No lesson matches “{query}”.</li> : null}
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(hit)}
              onMouseEnter={() => setActive(i)}
              className="cursor-pointer rounded-lg px-3 py-2 aria-selected:bg-slate-100 dark:aria-selected:bg-slate-800"
            >
              <span className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                {KIND_LABEL[hit.kind]} · {hit.lessonTitle}
              </span>
              <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">{hit.title}</span>
              {hit.kind === 'fact' ? <span className="mt-0.5 block text-xs text-slate-700 dark:text-slate-300">{hit.text}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
