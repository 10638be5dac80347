/**
 * Writes docs/scenario.schema.json from the zod scenario schema (npx tsx scripts/gen-scenario-schema.ts).
 * A unit test fails when the committed file is stale, so run this after changing lib/sim/schema.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../lib/sim/json-schema';

const out = fileURLToPath(new URL('../docs/scenario.schema.json', import.meta.url));
writeFileSync(out, scenarioJsonSchemaText());
console.log(`wrote ${out}`);
