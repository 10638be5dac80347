/**
 * What importing a checked pack into the browser would do, given the packs already there. Pure, so the
 * Packs page's preview, its tests and any future tool decide the same way.
 *
 * Rules (docs/authoring-packs.md, "Handing a pack to a class"):
 * - a pack id that a built-in pack uses is refused: built-in packs cannot be replaced from a file;
 * - a new id is added;
 * - an id already imported is replaced by the file, whatever its version, after the learner has seen whether
 *   it is newer, the same or older; progress follows question ids (see upgrade.ts), so nothing is lost.
 */
import { planPackUpgrade, type PackUpgradePlan } from './upgrade';
import type { Pack } from './schema';

export interface InstalledPack {
  pack: Pack;
  builtIn: boolean;
}

export type ImportPlan =
  | { action: 'add' }
  | { action: 'refuse'; reason: 'built-in'; message: string }
  | {
      action: 'replace';
      installed: Pack;
      relation: PackUpgradePlan['relation'];
      /** The file holds exactly what is installed: importing would change nothing. */
      identical: boolean;
      upgrade: PackUpgradePlan;
    };

/** Key-order independent comparison of two plain values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
    const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
  }
  return false;
}

export function planImport(candidate: Pack, installed: readonly InstalledPack[]): ImportPlan {
  const match = installed.find((p) => p.pack.id === candidate.id);
  if (!match) return { action: 'add' };
  if (match.builtIn) {
    return {
      action: 'refuse',
      reason: 'built-in',
      message: `the pack id "${candidate.id}" belongs to a built-in pack ("${match.pack.title}"), which cannot be replaced from a file. If this is your own pack based on it, give it a new id (for example "${candidate.id}-class") and import it again.`,
    };
  }
  const upgrade = planPackUpgrade(match.pack, candidate);
  return {
    action: 'replace',
    installed: match.pack,
    relation: upgrade.relation,
    identical: upgrade.relation === 'same' && sameValue(match.pack, candidate),
    upgrade,
  };
}
