/** The list of built-in packs the content build publishes at `/data/packs/index.json` (scripts/build-packs.ts). */
export interface BuiltInPackIndex {
  version: 1;
  packs: { id: string; title: string; version: string; questions: number; file: string }[];
}

export const BUILT_IN_PACK_INDEX_URL = '/data/packs/index.json';

/** Where the browser fetches a built-in pack's JSON from. */
export function builtInPackUrl(file: string): string {
  return `/data/packs/${file}`;
}
