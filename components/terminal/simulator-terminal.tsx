'use client';

import { useEffect, useRef, useState } from 'react';
import { useSim, useSimStore } from '@/components/simulator/sim-context';
import type { CliState } from '@/lib/cli/session';
import { LazyTerminal } from './lazy-terminal';

/**
 * The terminal on the simulator page. It starts from the page's scenario; a configuration change made in the
 * terminal is applied to the page (which reloads the scenario and shows it), and a scenario chosen on the page
 * starts a new terminal session from it.
 */
export function SimulatorTerminal() {
  const store = useSimStore();
  const input = useSim((s) => s.input);
  const own = useRef<unknown>(undefined);
  const [start, setStart] = useState<{ input: unknown; gen: number }>({ input, gen: 0 });

  useEffect(() => {
    if (input !== own.current && input !== start.input) setStart((s) => ({ input, gen: s.gen + 1 }));
  }, [input, start.input]);

  const onState = (state: CliState, changed: boolean) => {
    if (!changed || !Array.isArray(state.scenario.functions) || state.scenario.functions.length === 0) return;
    const copy = structuredClone(state.scenario);
    own.current = copy;
    store.getState().applyScenario(copy);
  };

  return (
    <div>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        An AWS CLI against this scenario. Configuration commands (create-function, update-alias, put-function-concurrency…) change the scenario above; <code>aws lambda invoke</code> and <code>sleep</code> run the terminal&apos;s own copy of the account forward.
      </p>
      <LazyTerminal terminalKey={`sim-${start.gen}`} onState={onState} scenario={start.input as Record<string, unknown> | undefined} label="AWS CLI terminal for this scenario" />
    </div>
  );
}
