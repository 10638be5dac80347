import type { Scenario } from './schema';
import type { InjectCommand } from './simulation';

/** Everything a learner can send an event to: each function's aliases (name:alias), then the function itself. */
export function invokeTargets(sc: Scenario): string[] {
  const out: string[] = [];
  for (const f of sc.functions) {
    for (const a of f.aliases) out.push(`${f.name}:${a.name}`);
    out.push(f.name);
  }
  return out;
}

/**
 * The target a trigger starts on: where the scenario's first push workload (API, S3, schedules…) already
 * sends events, so a manual event joins the same path; poll-based sources have no caller to imitate, so then
 * the first function's first alias, or the function.
 */
export function defaultTarget(sc: Scenario): string {
  const push = sc.workloads.find((w) => !['sqs', 'kinesis', 'dynamodb'].includes(w.source));
  if (push) return push.target;
  const f = sc.functions[0]!;
  return f.aliases[0] ? `${f.name}:${f.aliases[0].name}` : f.name;
}

/** The steady traffic still running after the learner's injections: started and not yet stopped, in start order. */
export function runningTraffic(injections: readonly { cmd: InjectCommand }[]): { id: string; ratePerSecond: number; source: string; target: string }[] {
  const live = new Map<string, { id: string; ratePerSecond: number; source: string; target: string }>();
  for (const { cmd } of injections) {
    if (cmd.type === 'start-traffic') live.set(cmd.id, { id: cmd.id, ratePerSecond: cmd.ratePerSecond, source: cmd.source, target: cmd.target });
    if (cmd.type === 'stop-traffic') live.delete(cmd.id);
  }
  return [...live.values()];
}
