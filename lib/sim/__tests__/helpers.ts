/** Small builders for test scenarios: a valid base with defaults, overridable field by field. */
import { createSimulation, parseScenario, ScenarioError, type ScenarioInput, type SimulationOptions } from '../index';
import type { TraceEvent } from '../types';

type Fn = NonNullable<ScenarioInput['functions']>[number];

export function fn(name: string, over: Partial<Fn> = {}): Fn {
  return { name, runtime: 'nodejs22.x', initDuration: { type: 'fixed', ms: 100 }, duration: { type: 'fixed', ms: 50 }, ...over };
}

export function scenario(over: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    id: 'test-scenario',
    title: 'Test scenario',
    story: 'A scenario built by a unit test.',
    lesson: 'concurrency',
    seed: 1,
    durationSeconds: 60,
    functions: [fn('f')],
    ...over,
  };
}

export function run(sc: ScenarioInput, opts: SimulationOptions = {}) {
  const sim = createSimulation(sc, { trace: { capacity: 1_000_000 }, logs: { capacity: 1_000_000 }, debugChecks: true, ...opts });
  sim.runToEnd();
  const summary = sim.summary({ includeLogs: true });
  const trace = sim.eventsSince(0, Infinity).events;
  return { sim, summary, trace };
}

export function ofKind(trace: TraceEvent[], kind: TraceEvent['kind']): TraceEvent[] {
  return trace.filter((e) => e.kind === kind);
}

/** The validation issues of a scenario, one per line ("" when it is valid): refusals are asserted by their text. */
export function issuesOf(input: unknown): string {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.join('\n');
    throw e;
  }
  return '';
}
