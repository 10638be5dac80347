'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState } from 'react';
import { useHotkeys } from '@/components/ui/use-hotkeys';
import { LessonSearch } from '@/components/search/lesson-search';
import { ThemePicker } from '@/components/theme/theme-picker';
import { NAV_ITEMS } from './nav-items';

function isActive(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(href);
}

/** Taking an exam: as in a test centre, only the exam is on screen (no site navigation, search or theme switch). */
export function isExamShell(pathname: string): boolean {
  return pathname.startsWith('/exam/take');
}

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 64 64" className="h-7 w-7">
      <rect width="64" height="64" rx="14" className="fill-slate-900 dark:fill-slate-800" />
      <path d="M18 50h8l8-17 8 17h8L36 14h-8l3 7z" fill="#f97316" />
    </svg>
  );
}

export function SiteHeader() {
  const pathname = usePathname() ?? '/';
  if (isExamShell(pathname)) {
    return (
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 font-semibold tracking-tight text-slate-900 sm:px-6 dark:text-white">
          <Logo />
          <span>
            Lambda Ops Lab <span className="font-normal text-slate-600 dark:text-slate-400">· practice exam</span>
          </span>
        </div>
      </header>
    );
  }
  return <FullHeader pathname={pathname} />;
}

function FullHeader({ pathname }: { pathname: string }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The mobile menu closes when a link in it is followed, and on Escape (returning focus to its button).
  useHotkeys(
    (e) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    },
    { enabled: open, whileTyping: true },
  );

  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-5 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 whitespace-nowrap font-semibold tracking-tight text-slate-900 dark:text-white">
          <Logo />
          <span>
            Lambda Ops Lab<span className="sr-only">, home</span>
          </span>
        </Link>
        <nav aria-label="Main" className="hidden xl:block">
          <ul className="flex items-center gap-1">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isActive(pathname, item.href) ? 'page' : undefined}
                  className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto hidden items-center gap-3 xl:flex">
          <LessonSearch className="w-44" />
          <ThemePicker compact />
          <Link href="/settings/" title="Settings and your data" aria-label="Settings" className="rounded-md p-1.5 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800" aria-current={isActive(pathname, '/settings/') ? 'page' : undefined}>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
              <circle cx="12" cy="12" r="3" />
              <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
            </svg>
          </Link>
        </div>
        <button
          ref={buttonRef}
          type="button"
          className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 xl:hidden dark:border-slate-700 dark:text-slate-200"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </button>
      </div>
      {open ? (
        <div id="mobile-menu" className="border-t border-slate-200 px-4 pb-4 pt-2 xl:hidden dark:border-slate-800">
          <nav aria-label="Main (mobile)">
            <ul className="flex flex-col">
              {[...NAV_ITEMS, { href: '/settings/', label: 'Settings' }].map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={() => setOpen(false)}
                    aria-current={isActive(pathname, item.href) ? 'page' : undefined}
                    className="block rounded-md px-3 py-2.5 text-base font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-3 space-y-3 px-3">
            <LessonSearch />
            <ThemePicker />
          </div>
        </div>
      ) : null}
    </header>
  );
}
