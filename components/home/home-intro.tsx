'use client';

import type { ReactNode } from 'react';
import { useLearner } from '@/stores/learner-store';

/**
 * A first visit gets the introduction (the hero) and then the dashboard; a returning learner gets what to
 * do now first (reviews due, the lesson to continue, an exam in progress), under a short greeting.
 */
export function HomeIntro({ hero, dashboard }: { hero: ReactNode; dashboard: ReactNode }) {
  const status = useLearner((s) => s.status);
  const returning = useLearner((s) => s.hasActivity);
  if (status === 'ready' && returning) {
    return (
      <>
        <div className="pb-6 pt-10">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Welcome back</h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">Here is what to do now.</p>
        </div>
        {dashboard}
      </>
    );
  }
  return (
    <>
      {hero}
      {dashboard}
    </>
  );
}
