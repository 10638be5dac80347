/** The JSON Schema of a scenario, generated from the zod schema (docs/scenario.schema.json is this, written by scripts/gen-scenario-schema.ts). */
import '../zod-config';
import { z } from 'zod';
import { scenarioObjectSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioObjectSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://lambda-ops-lab.local/scenario.schema.json',
    title: 'Lambda Ops Lab simulator scenario',
    description:
      'A scenario for the Lambda simulator. Cross-field rules (names that must exist, reserved concurrency that must leave 100 unreserved, function timeout within the queue visibility timeout, …) are checked by the simulator and listed in docs/scenarios.md.',
  };
}

/** The committed file's exact text: 2-space JSON with a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
