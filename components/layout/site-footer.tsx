'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isExamShell } from './site-header';

export function SiteFooter() {
  // The exam shell has no way out but the exam's own "Leave" and "Submit", each confirmed.
  if (isExamShell(usePathname() ?? '/')) return null;
  return (
    <footer className="mt-20 border-t border-slate-200 py-8 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          Lambda Ops Lab · study notes for AWS Certified CloudOps Engineer – Associate (SOA-C03). Not affiliated with AWS. Your progress stays in this browser.
        </p>
        <nav aria-label="Footer" className="flex-none">
          <ul className="flex gap-4 whitespace-nowrap">
            <li><Link className="hover:underline" href="/learn/">Lessons</Link></li>
            <li><Link className="hover:underline" href="/cheat-sheet/">Cheat sheet</Link></li>
            <li><Link className="hover:underline" href="/settings/">Your data</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
