import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBank } from '../../quiz/bank';
import { packToYaml, parsePack, simulationHref, type ParsePackResult, type Problem } from '../index';
import { MAX_DEPTH } from '../source';

const EXAMPLE = readFileSync('docs/examples/example-pack-scenarios.yaml', 'utf8');
const PRESETS = { knownPresets: new Set(['throttle-storm-reserved', 'async-failure-to-dlq']) };

/** 1-based line of the first line containing `needle` (after line `after`), so expectations follow the file. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not in the text`);
}

function errors(result: ParsePackResult): Problem[] {
  return result.ok ? [] : result.errors;
}

/** The example's scenario block, copied under a new id (for a second scenario). */
function scenarioBlock(text: string, id: string): string {
  const start = text.indexOf('  - id: checkout-reserved-five');
  const end = text.indexOf('questions:\n');
  return text.slice(start, end).replace('checkout-reserved-five', id);
}

describe('pack scenarios (format 2)', () => {
  it('the example pack is valid, carries its scenario with the simulator defaults, and links a question to it', () => {
    const result = parsePack(EXAMPLE, 'example-pack-scenarios.yaml', PRESETS);
    expect(errors(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.pack.format).toBe(2);
    expect(result.pack.scenarios?.map((s) => s.id)).toEqual(['checkout-reserved-five']);
    // Parsed by the simulator's own schema: its defaults are filled in, ready to run.
    expect(result.pack.scenarios?.[0]?.settings.metricPeriodSeconds).toBe(60);
    expect(result.pack.questions[0]?.simulation).toBe('checkout-reserved-five');
    expect(result.summary.scenarios).toBe(1);
  });

  it('asks for format 2 when a format 1 pack has scenarios, at the format line', () => {
    const text = EXAMPLE.replace('format: 2', 'format: 1');
    const result = parsePack(text, 'p.yaml');
    const problem = errors(result).find((p) => p.code === 'scenario-format');
    expect(problem).toMatchObject({ line: lineOf(text, 'format: 1'), message: 'a pack with "scenarios" must say "format: 2"' });
    expect(errors(result)).toHaveLength(1);
  });

  it('keeps format 1 packs without scenarios valid, and refuses an unknown format', () => {
    const withoutScenarios = EXAMPLE.slice(0, EXAMPLE.indexOf('scenarios:\n')) + EXAMPLE.slice(EXAMPLE.indexOf('questions:\n'));
    const v1 = withoutScenarios.replace('format: 2', 'format: 1').replace('    simulation: checkout-reserved-five\n', '');
    expect(errors(parsePack(v1, 'p.yaml'))).toEqual([]);
    const v3 = parsePack(EXAMPLE.replace('format: 2', 'format: 3'), 'p.yaml');
    expect(errors(v3)[0]).toMatchObject({ code: 'invalid-value', line: 4, message: '"format" must be 1 or 2, the pack formats this app reads; found the number 3' });
  });

  it('reports a duplicate scenario id at the second one, naming the line of the first', () => {
    const text = EXAMPLE.replace('questions:\n', `${scenarioBlock(EXAMPLE, 'checkout-reserved-five')}questions:\n`);
    const dup = errors(parsePack(text, 'p.yaml', PRESETS)).filter((p) => p.code === 'duplicate-scenario');
    const first = lineOf(text, '- id: checkout-reserved-five');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      line: lineOf(text, '- id: checkout-reserved-five', first),
      path: 'scenarios[1].id',
      message: 'duplicate scenario id "checkout-reserved-five"',
    });
    expect(dup[0]?.hint).toContain(`first used at line ${first}`);
  });

  it('reports a question linking to an unknown scenario at its simulation line, with a suggestion', () => {
    const text = EXAMPLE.replace('simulation: checkout-reserved-five', 'simulation: checkout-reserved-fiv');
    const problem = errors(parsePack(text, 'p.yaml', PRESETS)).find((p) => p.code === 'unknown-scenario');
    expect(problem).toMatchObject({
      line: lineOf(text, 'simulation: checkout-reserved-fiv'),
      path: 'questions[0].simulation',
      message: 'unknown scenario "checkout-reserved-fiv": it is neither one of this pack\'s scenarios (checkout-reserved-five) nor a built-in simulator preset',
      hint: 'did you mean "checkout-reserved-five"?',
    });
  });

  it('lets a question of a pack with scenarios link to a built-in preset', () => {
    const text = EXAMPLE.replace('simulation: checkout-reserved-five', 'simulation: throttle-storm-reserved');
    expect(errors(parsePack(text, 'p.yaml', PRESETS))).toEqual([]);
  });

  it('warns when a pack scenario has the id of a built-in preset, since the pack scenario wins', () => {
    const text = EXAMPLE.replaceAll('checkout-reserved-five', 'throttle-storm-reserved');
    const result = parsePack(text, 'p.yaml', PRESETS);
    expect(errors(result)).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['scenario-shadows-preset', lineOf(text, '- id: throttle-storm-reserved')]]);
  });

  it('reports every scenario schema error at its own YAML line, naming the scenario and the field', () => {
    const text = EXAMPLE.replace('memoryMb: 512', 'memoryMb: lots')
      .replace('durationSeconds: 45', 'durationSeconds: 45\n    colour: blue')
      .replace('target: checkout', 'target: checkuot')
      .replace('ratePerSecond: 20', 'ratePerSecond: -20');
    const found = errors(parsePack(text, 'p.yaml', PRESETS));
    const at = (needle: string) => found.filter((p) => p.line === lineOf(text, needle));
    expect(at('memoryMb: lots')).toEqual([
      expect.objectContaining({ code: 'scenario-invalid', path: 'scenarios[0].functions[0].memoryMb', message: 'scenario "checkout-reserved-five" (functions[0].memoryMb): "memoryMb" must be a number, not the text "lots"' }),
    ]);
    expect(at('colour: blue')).toEqual([expect.objectContaining({ code: 'unknown-key', path: 'scenarios[0].colour' })]);
    expect(at('colour: blue')[0]?.message).toMatch(/^scenario "checkout-reserved-five" \(colour\): unknown key "colour"/);
    expect(at('ratePerSecond: -20')).toEqual([expect.objectContaining({ code: 'scenario-invalid', path: 'scenarios[0].workloads[0].pattern.ratePerSecond' })]);
    expect(found.every((p) => p.line > 1)).toBe(true);
  });

  it('reports the simulator\'s cross-reference checks at the line of the field', () => {
    const text = EXAMPLE.replace('target: checkout', 'target: checkuot');
    const found = errors(parsePack(text, 'p.yaml', PRESETS));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'scenario-invalid', line: lineOf(text, 'target: checkuot'), path: 'scenarios[0].workloads[0].target' });
    expect(found[0]?.message).toBe('scenario "checkout-reserved-five" (workloads[0].target): no function named "checkuot"');
  });

  it('refuses a scenario the simulator would refuse as too large to run', () => {
    const text = EXAMPLE.replace('durationSeconds: 45', 'durationSeconds: 2600000').replace('ratePerSecond: 20, endSeconds: 30', 'ratePerSecond: 5000');
    const found = errors(parsePack(text, 'p.yaml', PRESETS));
    expect(found.some((p) => p.code === 'scenario-invalid' && /too large to simulate/.test(p.message))).toBe(true);
  });

  it('counts scenario bodies towards the depth guard: a scenario nested too deeply is refused before any rule runs', () => {
    const deep = `${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`;
    const text = EXAMPLE.replace('seed: 7', `seed: ${deep}`);
    const found = errors(parsePack(text, 'p.yaml', PRESETS));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'too-deep', line: lineOf(text, 'seed: [') });
  });

  it('caps how many scenarios one pack carries', () => {
    const many = Array.from({ length: 21 }, (_, i) => scenarioBlock(EXAMPLE, `lab-${i}`)).join('');
    const text = EXAMPLE.replace('questions:\n', `${many}questions:\n`);
    const found = errors(parsePack(text, 'p.yaml', PRESETS));
    expect(found.find((p) => p.code === 'too-many')).toMatchObject({ path: 'scenarios', line: lineOf(text, 'scenarios:') });
  });

  it('refuses scenarios in built-in packs, whose links open presets', () => {
    const found = errors(parsePack(EXAMPLE, 'p.yaml', { ...PRESETS, bankStandard: true }));
    expect(found.find((p) => p.code === 'scenario-format' && p.message === 'built-in packs carry no scenarios')).toMatchObject({ line: lineOf(EXAMPLE, 'scenarios:') });
  });

  it('round-trips through the YAML export with its scenarios', () => {
    const first = parsePack(EXAMPLE, 'p.yaml', PRESETS);
    if (!first.ok) throw new Error('the example must parse');
    const yaml = packToYaml(first.pack);
    expect(yaml.startsWith('# Question pack, format 2.')).toBe(true);
    const again = parsePack(yaml, 'again.yaml', PRESETS);
    expect(again.ok ? again.pack : again.errors).toEqual(first.pack);
  });

  it('links a question to its pack\'s scenario, and otherwise to the preset of that id', () => {
    const result = parsePack(EXAMPLE, 'p.yaml');
    if (!result.ok) throw new Error('the example must parse');
    const pack = result.pack;
    expect(simulationHref(pack, { simulation: 'checkout-reserved-five' })).toBe('/simulator/?pack=example-class-scenarios&scenario=checkout-reserved-five');
    expect(simulationHref(pack, { simulation: 'throttle-storm-reserved' })).toBe('/simulator/?preset=throttle-storm-reserved');
    expect(simulationHref({ id: 'p', scenarios: undefined }, { simulation: 'checkout-reserved-five' })).toBe('/simulator/?preset=checkout-reserved-five');
    expect(simulationHref(pack, {})).toBeUndefined();
    expect(buildBank([pack])[0]?.simulationHref).toBe('/simulator/?pack=example-class-scenarios&scenario=checkout-reserved-five');
  });
});
