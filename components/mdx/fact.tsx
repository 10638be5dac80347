import { factById } from '@/lib/content/facts';

/** A key number from lib/content/facts.ts, so lessons and the cheat sheet can never disagree. */
export function Fact({ id }: { id: string }) {
  const fact = factById(id);
  if (!fact) throw new Error(`<Fact id="${id}"> names no fact in lib/content/facts.ts`);
  return <span data-fact={fact.id}>{fact.value}</span>;
}
