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

  // Actions (invocations, messages) the page has already been sent.
  const sent = useRef(0);
  const onState = (state: CliState, changed: boolean) => {
    if (!Array.isArray(state.scenario.functions) || state.scenario.functions.length === 0) return;
    if (changed) {
      const copy = structuredClone(state.scenario);
      own.current = copy;
      sent.current = state.actions.length;
      store.getState().applyScenario(copy);
      return;
    }
    // Invocations and messages from the terminal also reach the page's run (and so its share link).
    for (const a of state.actions.slice(sent.current)) void store.getState().inject(a.cmd);
    sent.current = state.actions.length;
  };

  return (
    <div>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        An AWS CLI against this scenario. Configuration commands (create-function, update-alias, put-function-concurrency…) change the scenario above; invocations and messages are also sent to the run above (and its share link), while <code>sleep</code> moves only the terminal&apos;s own clock.
      </p>
      <LazyTerminal terminalKey={`sim-${start.gen}`} onState={onState} scenario={start.input as Record<string, unknown> | undefined} label="AWS CLI terminal for this scenario" />
    </div>
  );
}
