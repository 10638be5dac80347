/** The configuration editor's limits, read from the generated JSON Schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldBounds, fieldChoices, type SchemaNode } from '../field-bounds';
import { scenarioJsonSchema } from '../json-schema';
import { RUNTIMES } from '../schema';

const schema = scenarioJsonSchema() as SchemaNode;

describe('field bounds from the scenario JSON Schema', () => {
  it('reads limits, integer-ness and defaults through arrays and objects', () => {
    expect(fieldBounds(schema, ['functions', 0, 'memoryMb'])).toMatchObject({ min: 128, max: 10_240, integer: true, default: 128 });
    expect(fieldBounds(schema, ['functions', 3, 'timeoutSeconds'])).toMatchObject({ min: 1, max: 900, integer: true, default: 3 });
    expect(fieldBounds(schema, ['account', 'concurrencyLimit'])).toMatchObject({ min: 1, max: 1_000_000, default: 1000 });
    expect(fieldBounds(schema, ['functions', 0, 'failure', 'rate'])).toMatchObject({ min: 0, max: 1, integer: false, default: 0 });
    expect(fieldBounds(schema, ['queues', 0, 'redrivePolicy', 'maxReceiveCount'])).toMatchObject({ min: 1, max: 1000, integer: true });
    expect(fieldBounds(schema, ['eventSourceMappings', 1, 'maximumRetryAttempts'])).toMatchObject({ min: -1, max: 10_000 });
    expect(fieldBounds(schema, ['functions', 0, 'async', 'maximumRetryAttempts'])).toMatchObject({ min: 0, max: 2, default: 2 });
  });

  it('looks into union branches (distributions, traffic patterns) and records (version weights)', () => {
    expect(fieldBounds(schema, ['functions', 0, 'duration', 'sigma'])).toMatchObject({ min: 0, max: 3 });
    expect(fieldBounds(schema, ['functions', 0, 'initDuration', 'medianMs'])).toMatchObject({ min: 0, max: 86_400_000 });
    expect(fieldBounds(schema, ['workloads', 0, 'pattern', 'count'])).toMatchObject({ min: 1, integer: true });
    expect(fieldBounds(schema, ['functions', 0, 'aliases', 0, 'additionalVersionWeights', '2'])).toMatchObject({ min: 0, max: 1 });
  });

  it('treats an unbounded integer as having no maximum', () => {
    expect(fieldBounds(schema, ['account', 'unreservedMinimum']).max).toBeUndefined();
  });

  it('fails loudly for a field the schema does not have, or one that is not a number', () => {
    expect(() => fieldBounds(schema, ['functions', 0, 'memorySize'])).toThrow('the scenario schema has no field functions.0.memorySize');
    expect(() => fieldBounds(schema, ['functions', 0, 'name'])).toThrow('is not a number');
  });

  it('lists the choices of a fixed-list field', () => {
    expect(fieldChoices(schema, ['functions', 0, 'runtime'])).toEqual({ values: [...RUNTIMES], default: 'nodejs22.x' });
    expect(() => fieldChoices(schema, ['functions', 0, 'memoryMb'])).toThrow('has no list of values');
  });

  it('the committed docs/scenario.schema.json the editor reads is the generated one', () => {
    const committed = JSON.parse(readFileSync('docs/scenario.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
