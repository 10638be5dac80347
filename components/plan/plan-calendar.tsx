import type { PlanDay } from '@/lib/srs/plan';
import type { DayKey } from '@/lib/srs/time';
import { dayOfMonth, formatDayLong, formatMonth, WEEKDAYS } from './format';

type Cell = { kind: 'pad'; key: string } | { kind: 'day'; key: string; day: PlanDay } | { kind: 'exam'; key: string; day: DayKey };

/** Monday-first weeks from today to exam day. */
function weeks(days: readonly PlanDay[], examDate: DayKey): Cell[][] {
  const cells: Cell[] = days.map((d) => ({ kind: 'day', key: d.day, day: d }));
  cells.push({ kind: 'exam', key: examDate, day: examDate });
  const first = days[0]?.weekday ?? 1;
  const lead = (first + 6) % 7;
  const padded: Cell[] = [...Array.from({ length: lead }, (_, i) => ({ kind: 'pad' as const, key: `lead-${i}` })), ...cells];
  while (padded.length % 7 !== 0) padded.push({ kind: 'pad', key: `tail-${padded.length}` });
  const out: Cell[][] = [];
  for (let i = 0; i < padded.length; i += 7) out.push(padded.slice(i, i + 7));
  return out;
}

function describe(d: PlanDay): string {
  const parts = [`${Math.round(d.minutes)} of ${Math.round(d.budgetMinutes)} minutes`];
  if (d.newCards > 0) parts.push(`${d.newCards} new card${d.newCards === 1 ? '' : 's'}`);
  if (d.reviews > 0) parts.push(`${d.reviews} review${d.reviews === 1 ? '' : 's'}`);
  if (d.practiceExam) parts.push('full practice exam');
  if (d.easy) parts.push('easy day');
  if (d.overBudget) parts.push('over budget');
  return parts.join(', ');
}

/** The plan as a calendar: each day's planned minutes against its budget, practice exams and easy days marked. */
export function PlanCalendar({ days, examDate }: { days: readonly PlanDay[]; examDate: DayKey }) {
  const rows = weeks(days, examDate);
  const start = days[0]?.day ?? examDate;
  const span = formatMonth(start) === formatMonth(examDate) ? formatMonth(start) : `${formatMonth(start)} to ${formatMonth(examDate)}`;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] table-fixed border-separate border-spacing-1 text-xs">
        <caption className="mb-2 text-left text-sm text-slate-700 dark:text-slate-300">Daily plan, {span}: planned minutes of your budget</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w.id} scope="col" className="font-semibold text-slate-600 dark:text-slate-400">
                <abbr title={w.long} className="no-underline">
                  {w.short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]!.key}>
              {row.map((cell) =>
                cell.kind === 'pad' ? (
                  <td key={cell.key} />
                ) : cell.kind === 'exam' ? (
                  <td key={cell.key} className="h-16 rounded-lg border-2 border-amber-600 bg-amber-50 p-1 align-top text-amber-950 dark:border-amber-400 dark:bg-amber-950/40 dark:text-amber-100">
                    <span className="sr-only">{formatDayLong(cell.day)}: </span>
                    <span aria-hidden="true" className="font-semibold">
                      {dayOfMonth(cell.day)}
                    </span>
                    <span className="block font-bold">Exam</span>
                  </td>
                ) : (
                  <DayCell key={cell.key} day={cell.day} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        <span className="mr-3 inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm bg-sky-600" /> planned minutes
        </span>
        <span className="mr-3">★ full practice exam (130 min)</span>
        <span className="mr-3">◐ easy day</span>
        <span>Red: more than the day’s budget</span>
      </p>
    </div>
  );
}

function DayCell({ day }: { day: PlanDay }) {
  const fill = day.budgetMinutes > 0 ? Math.min(1, day.minutes / day.budgetMinutes) : day.minutes > 0 ? 1 : 0;
  const tone = day.overBudget ? 'border-red-400 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950/40 dark:text-red-100' : 'border-slate-200 bg-white text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100';
  return (
    <td className={`h-16 rounded-lg border p-1 align-top ${tone}`} data-day={day.day}>
      <span className="sr-only">
        {formatDayLong(day.day)}: {describe(day)}
      </span>
      <span aria-hidden="true" className="flex items-start justify-between gap-0.5">
        <span className="font-semibold">{dayOfMonth(day.day)}</span>
        <span>
          {day.practiceExam ? '★' : ''}
          {day.easy ? '◐' : ''}
        </span>
      </span>
      <span aria-hidden="true" className="mt-1 block tabular-nums">
        {Math.round(day.minutes)}m
      </span>
      <span aria-hidden="true" className="mt-1 block h-1.5 rounded-full bg-slate-200 dark:bg-slate-700">
        <span className={`block h-1.5 rounded-full ${day.overBudget ? 'bg-red-600' : 'bg-sky-600'}`} style={{ width: `${Math.round(fill * 100)}%` }} />
      </span>
    </td>
  );
}

