import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../tokenize';
import { parseStructure } from '../shorthand';
import { parseOptions, takeGlobals } from '../args';
import { UsageError } from '../errors';

describe('tokenize (shell words)', () => {
  it('keeps single-quoted JSON intact and handles double quotes and escapes', () => {
    expect(tokenize(`aws lambda invoke --payload '{"id": 1}' out.json`)).toEqual(['aws', 'lambda', 'invoke', '--payload', '{"id": 1}', 'out.json']);
    expect(tokenize(`echo "a \\"b\\" c" d\\ e`)).toEqual(['echo', 'a "b" c', 'd e']);
    expect(tokenize(`x "" ''`)).toEqual(['x', '', '']);
    expect(tokenize('aws  lambda # comment')).toEqual(['aws', 'lambda']);
  });
  it('refuses an unclosed quote', () => {
    expect(() => tokenize(`echo 'abc`)).toThrow(/single quote/);
  });
  it('round-trips any words quoted with single quotes', () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes("'")), { maxLength: 6 }), (ws) => {
        expect(tokenize(ws.map((w) => `'${w}'`).join(' '))).toEqual(ws);
      }),
    );
  });
});

describe('shorthand syntax', () => {
  it('parses key=value pairs, nested structures, lists and quoted keys', () => {
    expect(parseStructure('Variables={KEY1=a,KEY2=b}', '--environment')).toEqual({ Variables: { KEY1: 'a', KEY2: 'b' } });
    expect(parseStructure('AdditionalVersionWeights={"2"=0.1}', '--routing-config')).toEqual({ AdditionalVersionWeights: { '2': '0.1' } });
    expect(parseStructure('Name=FunctionName,Value=orders', '--dimensions')).toEqual({ Name: 'FunctionName', Value: 'orders' });
    expect(parseStructure('Ids=[a,b],X=1', '--x')).toEqual({ Ids: ['a', 'b'], X: '1' });
    expect(parseStructure('Ids=a,b,X=1', '--x')).toEqual({ Ids: ['a', 'b'], X: '1' });
  });
  it('reads JSON when the value starts with { or [', () => {
    expect(parseStructure('{"Variables":{"A":"1"}}', '--environment')).toEqual({ Variables: { A: '1' } });
    expect(() => parseStructure('{bad', '--environment')).toThrow(UsageError);
  });
  it('names the parameter in a parse error', () => {
    expect(() => parseStructure('Variables', '--environment')).toThrow(/Error parsing parameter '--environment': Expected: '='/);
  });
});

describe('options', () => {
  const specs = [
    { name: 'function-name', type: 'string', required: true },
    { name: 'timeout', type: 'integer' },
    { name: 'publish', type: 'boolean' },
    { name: 'architectures', type: 'strings', choices: ['x86_64', 'arm64'] },
  ] as const;
  const none = () => undefined;
  it('parses values, --flag=value, booleans with --no- and lists', () => {
    const r = parseOptions(['--function-name=orders', '--timeout', '30', '--no-publish', '--architectures', 'arm64'], specs, none);
    expect(r.values).toEqual({ 'function-name': 'orders', timeout: 30, publish: false, architectures: ['arm64'] });
  });
  it('reports missing, unknown and malformed options as usage errors', () => {
    expect(() => parseOptions([], specs, none)).toThrow(/the following arguments are required: --function-name/);
    expect(() => parseOptions(['--function-name', 'a', '--bogus', '1'], specs, none)).toThrow(/Unknown options: --bogus, 1/);
    expect(() => parseOptions(['--function-name', 'a', '--timeout', 'abc'], specs, none)).toThrow(/invalid literal for int\(\) with base 10: 'abc'/);
    expect(() => parseOptions(['--function-name', 'a', '--architectures', 'mips'], specs, none)).toThrow(/Invalid choice/);
  });
  it('reads file:// values from the session files', () => {
    const r = parseOptions(['--function-name', 'file://name.txt'], specs, (p) => (p === 'name.txt' ? 'orders' : undefined));
    expect(r.values['function-name']).toBe('orders');
    expect(() => parseOptions(['--function-name', 'file://missing.txt'], specs, () => undefined)).toThrow(/Unable to load paramfile/);
  });
  it('takes global options from anywhere on the line', () => {
    const g = takeGlobals(['lambda', 'list-functions', '--output', 'text', '--query', 'Functions[].FunctionName', '--no-cli-pager']);
    expect(g.rest).toEqual(['lambda', 'list-functions']);
    expect(g.globals).toMatchObject({ output: 'text', query: 'Functions[].FunctionName' });
    expect(() => takeGlobals(['--output', 'xml'])).toThrow(/Invalid choice/);
  });
});
