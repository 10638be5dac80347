'use client';

import { FREE_TIER_GB_SECONDS, FREE_TIER_REQUESTS, PRICE_PER_GB_SECOND, PRICE_PER_REQUEST } from '@/lib/sim/billing';
import { formatInt, formatUsd } from './format';
import { useSim } from './sim-context';

const th = 'px-3 py-1.5 text-left text-xs font-semibold text-slate-700 dark:text-slate-300';
const td = 'px-3 py-1.5 text-right font-mono text-sm tabular-nums text-slate-900 dark:text-slate-100';

/** Requests and GB-seconds so far, priced with and without the monthly free tier. */
export function CostPanel() {
  const cost = useSim((s) => s.cost);
  if (!cost) return <p className="text-sm text-slate-600 dark:text-slate-400">Cost appears once the simulation has run.</p>;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto" role="region" aria-label="Cost estimate" tabIndex={0}>
        <table className="w-full min-w-[26rem]">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th className={th} scope="col">
                Item
              </th>
              <th className={`${th} text-right`} scope="col">
                Usage
              </th>
              <th className={`${th} text-right`} scope="col">
                List price
              </th>
              <th className={`${th} text-right`} scope="col">
                After free tier
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-100 dark:border-slate-900">
              <th scope="row" className="px-3 py-1.5 text-left text-sm font-normal text-slate-800 dark:text-slate-200">
                Requests
              </th>
              <td className={td}>{formatInt(cost.requests)}</td>
              <td className={td}>{formatUsd(cost.list.requestUsd)}</td>
              <td className={td}>{formatUsd(cost.free.requestUsd)}</td>
            </tr>
            <tr className="border-b border-slate-100 dark:border-slate-900">
              <th scope="row" className="px-3 py-1.5 text-left text-sm font-normal text-slate-800 dark:text-slate-200">
                Compute (GB-seconds, INIT included)
              </th>
              <td className={td}>{cost.gbSeconds < 100 ? cost.gbSeconds.toFixed(3) : formatInt(cost.gbSeconds)}</td>
              <td className={td}>{formatUsd(cost.list.computeUsd)}</td>
              <td className={td}>{formatUsd(cost.free.computeUsd)}</td>
            </tr>
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left text-sm font-semibold text-slate-900 dark:text-white">
                Total
              </th>
              <td className={td} />
              <td className={`${td} font-semibold`} data-testid="cost-total">
                {formatUsd(cost.list.totalUsd)}
              </td>
              <td className={`${td} font-semibold`}>{formatUsd(cost.free.totalUsd)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {cost.lines.length > 1 ? (
        <ul className="text-sm text-slate-700 dark:text-slate-300">
          {cost.lines.map((l) => (
            <li key={l.function}>
              <span className="font-mono">{l.function}</span>: {formatInt(l.requests)} requests, {l.gbSeconds.toFixed(3)} GB-s ({l.architecture})
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Prices: ${(PRICE_PER_REQUEST * 1e6).toFixed(2)} per million requests and ${PRICE_PER_GB_SECOND.x86_64} per GB-second on x86 (${PRICE_PER_GB_SECOND.arm64} on Arm), first
        tier, billed per 1 ms rounded up. INIT is billed, and a timeout bills the full timeout. The free tier ({formatInt(FREE_TIER_REQUESTS)} requests and {formatInt(FREE_TIER_GB_SECONDS)} GB-s a month) is applied
        to this run alone, as if it were the whole month.
      </p>
    </div>
  );
}
