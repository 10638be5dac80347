/**
 * Imported first by every module that builds zod schemas. Zod compiles fast object parsers with `new Function`
 * and probes for it when a schema is built; the app's Content-Security-Policy forbids eval, so the probe would
 * log a violation on every page. Jitless parsing is fast enough for the app's data.
 */
import { config } from 'zod';

config({ jitless: true });
