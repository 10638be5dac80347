'use client';

import { useEffect, useRef, useState } from 'react';
import { dueWarning, remainingMs, spokenRemaining } from '@/lib/exam/deadline';
import { formatClock } from '@/lib/format';

/**
 * The countdown. It holds its own one-second tick so only this small component re-renders, computes
 * remaining = deadline − now on every tick (and the moment the tab becomes visible again, since hidden
 * tabs throttle timers), raises the 10- and 1-minute warnings, and calls onExpire at zero.
 * The digits use tabular figures in a fixed-width box, so nothing around them moves as they change.
 */
export function ExamClock({
  deadline,
  durationMs,
  warned,
  hidden,
  onToggleHidden,
  onWarn,
  onExpire,
}: {
  deadline: number;
  durationMs: number;
  warned: readonly number[];
  hidden: boolean;
  onToggleHidden: () => void;
  onWarn: (threshold: number) => void;
  onExpire: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);

  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 500);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener('focus', tick);
    };
  }, []);

  const remaining = remainingMs(deadline, now) ?? 0;
  const warning = dueWarning(remaining, durationMs, warned);

  useEffect(() => {
    if (remaining <= 0 && !expired.current) {
      expired.current = true;
      onExpire();
    } else if (warning !== null) onWarn(warning);
  }, [remaining, warning, onExpire, onWarn]);

  const tone = remaining <= 60_000 ? 'text-red-800 dark:text-red-300' : remaining <= 600_000 ? 'text-amber-800 dark:text-amber-300' : 'text-slate-900 dark:text-white';

  return (
    <div className="flex flex-none items-center gap-2">
      <div role="timer" aria-live="off" aria-label={hidden ? 'Time left: hidden' : `Time left: ${spokenRemaining(remaining)}`} className="flex items-center gap-1.5">
        <svg aria-hidden="true" viewBox="0 0 24 24" className={`h-4 w-4 flex-none ${tone}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="12" cy="13" r="8" />
          <path d="M12 9v4l2.5 2.5M9 2h6" />
        </svg>
        <span aria-hidden="true" className={`inline-block w-[7ch] text-right font-mono text-base font-semibold tabular-nums sm:text-lg ${hidden ? 'text-slate-600 dark:text-slate-400' : tone}`}>
          {hidden ? '–:––' : formatClock(remaining)}
        </span>
      </div>
      <button
        type="button"
        onClick={onToggleHidden}
        className="w-12 flex-none rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 sm:w-[6.5rem] dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {hidden ? 'Show' : 'Hide'}
        <span className="sr-only sm:not-sr-only"> timer</span>
      </button>
    </div>
  );
}
