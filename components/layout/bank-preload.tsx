'use client';

import { BUILT_IN_PACK_INDEX_URL, builtInPackUrl, type BuiltInPackIndex } from '@/lib/packs/built-in-index';

/**
 * For pages whose first screen is a card from the question bank (review, browse): the page's HTML asks for the
 * pack files, so they download beside the scripts instead of after them (the bank store's fetches then find
 * them in the preload cache). `crossOrigin` matches what `fetch()` sends, or the browser would fetch twice.
 * A client component on purpose: links (or react-dom's `preload()`) from a server component travel as hints in
 * the route's prefetched payload, and every page that merely links here would start the 400 KB download.
 */
export function BankPreload({ index }: { index: BuiltInPackIndex }) {
  return (
    <>
      {[BUILT_IN_PACK_INDEX_URL, ...index.packs.map((p) => builtInPackUrl(p.file))].map((href) => (
        <link key={href} rel="preload" href={href} as="fetch" crossOrigin="anonymous" />
      ))}
    </>
  );
}
