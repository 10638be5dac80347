/**
 * fsrs-browser in node (the optimizer's test and `npm run bench:optimizer`). The package is an ES module
 * built for the browser: its thread-pool helper reads `self` when it loads, and the wasm is handed over as
 * bytes instead of fetched. No thread pool is started, as in the app's worker (docs/fsrs-optimizer.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as FsrsBrowser from 'fsrs-browser';
import type { OptimizerInput } from '../lib/srs/optimizer';

type FsrsModule = typeof FsrsBrowser;

let loaded: Promise<FsrsModule> | undefined;

export function loadFsrs(): Promise<FsrsModule> {
  loaded ??= (async () => {
    const g = globalThis as { self?: unknown };
    g.self ??= { addEventListener: () => {} };
    const mod = (await import('fsrs-browser')) as FsrsModule;
    const wasm = path.join(path.dirname(createRequire(import.meta.url).resolve('fsrs-browser')), 'fsrs_browser_bg.wasm');
    await mod.default({ module_or_path: readFileSync(wasm) });
    return mod;
  })();
  return loaded;
}

/** A trainer for lib/srs/optimizer-run.ts. fsrs-rs prints each epoch's loss; `quiet` hides it. */
export async function nodeTrainer(quiet = true): Promise<(input: OptimizerInput) => Float32Array> {
  const { Fsrs } = await loadFsrs();
  return (input) => {
    const saved = { log: console.log, info: console.info, debug: console.debug };
    if (quiet) console.log = console.info = console.debug = () => {};
    try {
      return new Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true);
    } finally {
      Object.assign(console, saved);
    }
  };
}
