/**
 * Importing a newer copy of a pack a learner already has. Progress is keyed by pack id + question id
 * (questionKey in schema.ts), so the plan says which questions keep their history, which are new, and which
 * leave the review queue (their history stays, they are just no longer asked).
 */
import type { Pack, Question } from './schema';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** Negative, zero or positive like a sort comparator. Throws on a version the schema would have refused. */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER.exec(a.trim());
  const pb = SEMVER.exec(b.trim());
  if (!pa || !pb) throw new Error(`not a version of the form 1.2.3: "${pa ? b : a}"`);
  for (let i = 1; i <= 3; i++) {
    // Compare as numbers, and beyond 2^53 as digit strings, so "1.10.0" > "1.9.0".
    const x = (pa[i] ?? '0').replace(/^0+(?=\d)/, '');
    const y = (pb[i] ?? '0').replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export interface PackUpgradePlan {
  /** False when the ids differ: it is a different pack, installed side by side, not an upgrade. */
  samePack: boolean;
  relation: 'newer' | 'same' | 'older';
  isNewer: boolean;
  isSame: boolean;
  isOlder: boolean;
  /** Ids in both versions: learner history carries over. */
  kept: string[];
  /** Kept ids whose content changed (stem, options, answers…), worth telling the learner. */
  changed: string[];
  /** Ids only in the new version. */
  added: string[];
  /** Ids only in the old version: history is kept, but they leave the review queue. */
  removed: string[];
}

/** Key order independent, so a re-saved file with the same content is "unchanged". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function planPackUpgrade(oldPack: Pack, newPack: Pack): PackUpgradePlan {
  const cmp = compareSemver(newPack.version, oldPack.version);
  const relation = cmp > 0 ? 'newer' : cmp < 0 ? 'older' : 'same';
  const oldById = new Map<string, Question>(oldPack.questions.map((q) => [q.id, q]));
  const newIds = new Set(newPack.questions.map((q) => q.id));
  const kept: string[] = [];
  const changed: string[] = [];
  const added: string[] = [];
  for (const q of newPack.questions) {
    const before = oldById.get(q.id);
    if (!before) added.push(q.id);
    else {
      kept.push(q.id);
      if (canonical(before) !== canonical(q)) changed.push(q.id);
    }
  }
  const removed = oldPack.questions.filter((q) => !newIds.has(q.id)).map((q) => q.id);
  return {
    samePack: oldPack.id === newPack.id,
    relation,
    isNewer: relation === 'newer',
    isSame: relation === 'same',
    isOlder: relation === 'older',
    kept,
    changed,
    added,
    removed,
  };
}
