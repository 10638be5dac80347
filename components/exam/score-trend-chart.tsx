'use client';

import { useEffect, useRef, useState } from 'react';
import { EXAM_FORMAT } from '@/lib/content/domains';
import type { TrendPoint } from '@/lib/exam/history';
import { formatDate } from '@/lib/format';

const H = 220;
const PAD = { left: 44, right: 16, top: 14, bottom: 30 };

/**
 * Estimated scaled scores over time, with the 720 pass line. A small inline SVG rather than a charting
 * library: a dozen points need no more, and it costs nothing in first-load JS. The history table below
 * it carries the same data for screen readers.
 */
export function ScoreTrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { minScore, maxScore, passScore } = EXAM_FORMAT;
  // Drawn at the container's own width, so labels keep their size on a phone instead of shrinking with a fixed viewBox.
  const box = useRef<HTMLDivElement>(null);
  const [W, setW] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setW(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const shown = points.slice(-20);
  const x = (i: number) => PAD.left + (shown.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i / (shown.length - 1)) * (W - PAD.left - PAD.right));
  const y = (score: number) => PAD.top + (1 - (score - minScore) / (maxScore - minScore)) * (H - PAD.top - PAD.bottom);
  const path = shown.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.scaled).toFixed(1)}`).join(' ');
  const last = shown[shown.length - 1];
  const summary =
    shown.length === 0
      ? 'No finished exams yet.'
      : `Estimated scores of your last ${shown.length} exam${shown.length === 1 ? '' : 's'}, oldest first: ${shown.map((p) => p.scaled).join(', ')}. The pass mark is ${passScore}.${last ? ` Latest: ${last.scaled}, ${last.passed ? 'a pass' : 'below the pass mark'}.` : ''}`;

  return (
    <figure className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div ref={box} className="w-full">
        <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary} className="block max-w-full text-slate-700 dark:text-slate-300">
          {[100, 400, 720, 1000].map((s) => (
            <g key={s}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} className={s === passScore ? 'stroke-emerald-700 dark:stroke-emerald-400' : 'stroke-slate-200 dark:stroke-slate-800'} strokeDasharray={s === passScore ? '6 4' : undefined} strokeWidth={s === passScore ? 1.5 : 1} />
              <text x={PAD.left - 6} y={y(s) + 4} textAnchor="end" className="fill-current text-[11px]">
                {s}
              </text>
            </g>
          ))}
          <text x={W - PAD.right} y={y(passScore) - 6} textAnchor="end" className="fill-emerald-800 text-[11px] font-semibold dark:fill-emerald-300">
            pass {passScore}
          </text>
          {shown.length > 1 ? <path d={path} fill="none" className="stroke-slate-900 dark:stroke-white" strokeWidth={2} /> : null}
          {shown.map((p, i) => (
            <circle key={p.id} cx={x(i)} cy={y(p.scaled)} r={5} className={p.passed ? 'fill-emerald-600 stroke-white dark:stroke-slate-900' : 'fill-brand-500 stroke-white dark:stroke-slate-900'} strokeWidth={2} />
          ))}
          {shown.length > 0 ? (
            <>
              <text x={x(0)} y={H - 8} textAnchor={shown.length === 1 ? 'middle' : 'start'} className="fill-current text-[11px]">
                {formatDate(shown[0]!.at)}
              </text>
              {shown.length > 1 ? (
                <text x={x(shown.length - 1)} y={H - 8} textAnchor="end" className="fill-current text-[11px]">
                  {formatDate(last!.at)}
                </text>
              ) : null}
            </>
          ) : null}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-600" /> pass
        </span>
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-brand-500" /> below 720
        </span>
        <span>Estimated scaled scores (100–1000); AWS does not publish its conversion.</span>
      </figcaption>
    </figure>
  );
}
