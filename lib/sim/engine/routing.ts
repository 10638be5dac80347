/**
 * Which function version runs a request: qualified targets (function, version or alias), weighted alias
 * routes, and scheduled routing steps (a canary or linear deployment shifting traffic over time).
 */
import { EV_ALIAS_SHIFT } from '../event-kinds';
import type { AliasState, FnState, Route, Target, VerState } from '../model';
import type { EventHeap } from '../heap';
import type { Engine } from '../engine';
import { aliasShiftText } from './narration';

/** One step of an alias's routing schedule, in schedule order. */
export interface AliasShift {
  alias: AliasState;
  fn: FnState;
  version: string | undefined;
  weights: Record<string, number>;
}

/** Points the alias at `version` with extra weights on other versions; routes hold cumulative weights. */
export function setRoutes(fn: FnState, alias: AliasState, version: string, weights: Record<string, number>): void {
  const primary = fn.verByName.get(version)!;
  alias.version = primary;
  alias.weights = { ...weights };
  let extra = 0;
  const routes: Route[] = [];
  // Sorted by version number so routing draws do not depend on JSON key order.
  const keys = Object.keys(weights).sort((a, b) => Number(a) - Number(b));
  for (const k of keys) {
    const w = weights[k] ?? 0;
    if (w <= 0) continue;
    extra += w;
    routes.push({ ver: fn.verByName.get(k)!, cum: 0 });
  }
  const all: Route[] = [{ ver: primary, cum: 1 - Math.min(1, extra) }];
  let cum = all[0]!.cum;
  for (const r of routes) {
    cum += weights[r.ver.name] ?? 0;
    r.cum = cum;
    all.push(r);
  }
  all[all.length - 1]!.cum = Infinity;
  alias.routes = all;
}

/** "name", "name:3" or "name:alias" to a target; throws a readable error for an unknown name or qualifier. */
export function resolveTarget(fnByName: ReadonlyMap<string, FnState>, ref: string): Target {
  const colon = ref.indexOf(':');
  const name = colon < 0 ? ref : ref.slice(0, colon);
  const qual = colon < 0 ? '$LATEST' : ref.slice(colon + 1);
  const fn = fnByName.get(name);
  if (!fn) throw new Error(`no function named "${name}"`);
  if (qual === '$LATEST') return { fn, alias: null, ver: fn.versions[0]!, pool: null, label: name };
  if (/^[0-9]+$/.test(qual)) {
    const ver = fn.verByName.get(qual);
    if (!ver) throw new Error(`function "${name}" has no version "${qual}"`);
    return { fn, alias: null, ver, pool: ver.pool, label: ref };
  }
  const alias = fn.aliasByName.get(qual);
  if (!alias) throw new Error(`function "${name}" has no alias "${qual}"`);
  return { fn, alias, ver: null, pool: alias.pool, label: ref };
}

/** The version for one request: fixed, or drawn from the alias's weights with the function's routing stream. */
export function pickVersion(t: Target): VerState {
  if (t.ver !== null) return t.ver;
  const routes = t.alias!.routes;
  if (routes.length === 1) return routes[0]!.ver;
  const u = t.fn.routeRng.next();
  for (let i = 0; i < routes.length; i++) if (u < routes[i]!.cum) return routes[i]!.ver;
  return routes[routes.length - 1]!.ver;
}

/** Schedules every alias's routing steps; the event's ref is the step's index in `shifts`. */
export function scheduleShifts(fns: readonly FnState[], shifts: AliasShift[], heap: EventHeap): void {
  for (const fn of fns) {
    for (const alias of fn.aliases) {
      for (const step of alias.cfg.routingSchedule ?? []) {
        const i = shifts.length;
        shifts.push({ alias, fn, version: step.version, weights: step.additionalVersionWeights });
        heap.push(step.atSeconds * 1000, EV_ALIAS_SHIFT, i);
      }
    }
  }
}

/** Applies routing step i (EV_ALIAS_SHIFT), unless the deployment was rolled back. */
export function onAliasShift(e: Engine, i: number): void {
  const shifts = e.shifts;
  const s = shifts[i]!;
  if (s.alias.rolledBack) return;
  setRoutes(s.fn, s.alias, s.version ?? s.alias.version.name, s.weights);
  // The deployment is over once a step sends all traffic to one version and no later step follows.
  const later = shifts.some((x, j) => j > i && x.alias === s.alias);
  s.alias.deploying = later || Object.values(s.weights).some((w) => w > 0);
  if (e.trace)
    e.tr('alias-shift', aliasShiftText(s.fn.name, s.alias.name, s.alias.version.name, s.weights), {
      function: s.fn.name,
      alias: s.alias.name,
      version: s.alias.version.name,
    });
}
