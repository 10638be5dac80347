import path from 'node:path';

/** Build-time locations. The content build writes here; routes read from here during `next build`. */
// LOL_CONTENT_DIR points the build at fixture content in tests.
export const CONTENT_DIR = process.env.LOL_CONTENT_DIR ? path.resolve(process.env.LOL_CONTENT_DIR) : path.join(process.cwd(), 'content');
export const LESSONS_DIR = path.join(CONTENT_DIR, 'lessons');
export const PACKS_DIR = path.join(CONTENT_DIR, 'packs');
export const SCENARIOS_DIR = path.join(CONTENT_DIR, 'scenarios');
export const GENERATED_DIR = path.join(process.cwd(), '.generated');
/** Data the browser fetches at run time (packs, search index), kept out of the JS bundles. */
export const PUBLIC_DATA_DIR = path.join(process.cwd(), 'public', 'data');
