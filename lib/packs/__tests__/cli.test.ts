import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPacksCli } from '../../../scripts/packs-cli';
import { parsePack } from '../index';
import { goodMultiple, goodPack, goodQuestion, meetBankStandard, toYaml } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'packs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPacksCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('packs check', () => {
  it('exits 0 for a valid pack and prints a summary', async () => {
    const { code, out } = await run('check', file('good.yaml', toYaml(goodPack())));
    expect(code).toBe(0);
    expect(out).toMatch(/test-pack 1\.0\.0: 2 questions/);
    expect(out).toMatch(/by type: single 1, multiple 1/);
    expect(out).toMatch(/by domain: 1: 1, 2: 1, 3: 0, 4: 0, 5: 0/);
    expect(out).toMatch(/by difficulty: easy 0, medium 1, hard 1/);
    expect(out).toMatch(/by topic: async 1, cloudwatch-metrics 1, retries 1, throttling 1/);
    expect(out).toMatch(/✓ .*good\.yaml: valid \(0 errors, 0 warnings\)/);
  });

  it('exits 1 for an invalid pack and prints file:line:column: message', async () => {
    const q = goodQuestion();
    q.explaination = 'typo';
    const text = toYaml(goodPack([q]));
    const bad = file('bad.yaml', text);
    const line = text.slice(0, text.indexOf('explaination')).split('\n').length;
    const { code, out } = await run('check', bad);
    expect(code).toBe(1);
    expect(out).toContain(`${bad}:${line}:5: unknown key "explaination"; did you mean "explanation"?`);
  });

  it('validate (an alias of check) counts a pack\'s scenarios and reports scenario problems with their lines', async () => {
    const example = readFileSync('docs/examples/example-pack-scenarios.yaml', 'utf8');
    const good = await run('validate', file('scen.yaml', example));
    expect(good.code).toBe(0);
    expect(good.out).toContain('simulator scenarios: 1; questions linked to one: 1');
    const text = example.replace('memoryMb: 512', 'memoryMb: lots').replace('simulation: checkout-reserved-five', 'simulation: no-such-lab');
    const bad = file('scen-bad.yaml', text);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const { code, out } = await run('validate', bad);
    expect(code).toBe(1);
    expect(out).toContain(`${bad}:${lineOf('memoryMb: lots')}:19: scenario "checkout-reserved-five" (functions[0].memoryMb): "memoryMb" must be a number, not the text "lots"`);
    // Checked against this app's presets, so a link to neither a pack scenario nor a preset is caught.
    expect(out).toContain(`${bad}:${lineOf('simulation: no-such-lab')}:17: unknown scenario "no-such-lab"`);
  });

  it('exits 1 if any of several files is invalid', async () => {
    const { code, out } = await run('check', file('a.yaml', toYaml(goodPack())), file('b.yaml', 'format: 1\n'));
    expect(code).toBe(1);
    expect(out).toMatch(/2 files checked: 1 valid, 1 invalid/);
  });

  it('--strict fails on warnings', async () => {
    const q = goodQuestion();
    delete q.explanation;
    const f = file('warn.yaml', toYaml(goodPack([q])));
    expect((await run('check', f)).code).toBe(0);
    const strict = await run('check', '--strict', f);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/warning: this question has no explanation/);
  });

  it('exits 2 for usage errors, with no stack trace', async () => {
    for (const argv of [[], ['chek', 'x.yaml'], ['check'], ['check', '--strikt', 'x.yaml'], ['check', path.join(dir, 'missing.yaml')], ['convert', 'x.gift', '--domain', '9']]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect((await run('check', '--strikt', 'x.yaml')).err).toMatch(/did you mean --strict\?/);
  });

  it('checks built-in packs against lessons on disk and app topics, and ids across files', async () => {
    file('content/lessons/async-invocation.mdx', '---\nslug: async-invocation\ntitle: Async\n---\nBody\n');
    file('content/lessons/monitoring-metrics-alarms.mdx', '---\nslug: "monitoring-metrics-alarms"\n---\n');
    const good = file('content/packs/core-a.yaml', toYaml({ ...goodPack([goodQuestion(), goodMultiple()].map(meetBankStandard)), id: 'core-a' }));
    expect((await run('check', good)).code).toBe(0);

    const q = meetBankStandard(goodQuestion('other'));
    q.lessons = ['async-invocatoin'];
    q.topics = ['glue-etl'];
    const bad = file('content/packs/core-b.yaml', toYaml({ ...goodPack([q]), id: 'core-b' }));
    const { code, out } = await run('check', bad);
    expect(code).toBe(1);
    expect(out).toMatch(/unknown lesson "async-invocatoin" \(did you mean "async-invocation"\?\)/);
    expect(out).toMatch(/unknown topic "glue-etl"/);
    // The same file outside content/packs/ is an imported pack: both are allowed.
    expect((await run('check', file('imported/core-b.yaml', readFileSync(bad, 'utf8')))).code).toBe(0);

    const dupe = file('content/packs/core-c.yaml', toYaml({ ...goodPack([meetBankStandard(goodMultiple())]), id: 'core-c' }));
    const across = await run('check', good, dupe);
    expect(across.code).toBe(1);
    expect(across.out).toMatch(/question id "metrics-throttles-001" is also used in .*core-a\.yaml/);
  });
});

describe('packs convert', () => {
  const gift = '::q1::Which service runs code without servers?{=AWS Lambda#Right.~Amazon EC2#You manage instances.~Amazon EBS#Storage.~Amazon VPC#Networking.####Lambda is serverless compute.}\n';

  it('writes a pack that the app parser accepts', async () => {
    const out = path.join(dir, 'converted.yaml');
    const result = await run('convert', file('quiz.gift', gift), '-o', out, '--id', 'quiz', '--title', 'Quiz one', '--author', 'Me', '--domain', '3', '--difficulty', 'easy', '--topics', 'lambda-basics', '--lessons', 'what-is-lambda');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✓ .*quiz\.gift → .*converted\.yaml \(gift, 0 warnings\)/);
    const parsed = parsePack(readFileSync(out, 'utf8'), out);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack).toMatchObject({ id: 'quiz', title: 'Quiz one', author: 'Me' });
    expect(parsed.pack.questions[0]).toMatchObject({ id: 'q1', domain: 3, difficulty: 'easy', topics: ['lambda-basics'], lessons: ['what-is-lambda'] });
  });

  it('detects the format, prints to stdout without -o, and honours --from', async () => {
    const txt = file('quiz.txt', 'What runs code without servers?\nA. AWS Lambda\nB. Amazon EC2\nC. Amazon EBS\nANSWER: A\n');
    const noDomain = await run('convert', txt, '--id', 'aiken-quiz');
    expect(noDomain.code).toBe(1);
    expect(noDomain.err).toMatch(/quiz\.txt:1:1: the question has no SOA-C03 domain: Aiken does not record one \(pass --domain 1\.\.5\)/);
    const stdout = await run('convert', txt, '--id', 'aiken-quiz', '--domain', '1');
    expect(stdout.code).toBe(0);
    expect(stdout.out).toMatch(/^# Question pack, format 1/);
    expect(parsePack(stdout.out, 'stdout.yaml').ok).toBe(true);
    expect((await run('convert', file('plain.txt', 'hello'), '--id', 'x')).code).toBe(2);
    expect(stdout.err).toMatch(/warning: .*no explanation/);
    expect((await run('convert', txt, '--from', 'gift')).code).toBe(1);
  });

  it('maps GIFT categories to domains and topics with --map', async () => {
    const src = file(
      'cats.gift',
      '$CATEGORY: $course$/top/Async\n\n::a::Which retries a failed async event?{=Lambda~The caller~Nobody~SQS}\n\n$CATEGORY: $course$/top/Net\n\n::b::What gives a VPC function internet access?{=A NAT gateway~A public IP~An IGW alone~Nothing}\n',
    );
    const missing = await run('convert', src, '--map', 'Async=2');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cats\.gift:7:1: 1 question in category "Net" has no SOA-C03 domain.*\(pass --map "Net=N"/);
    const mapped = await run('convert', src, '--map', 'Async=2:async-invocation', '--map', '$course$/top/Net=5');
    expect(mapped.code).toBe(0);
    const pack = parsePack(mapped.out, 'out.yaml');
    expect(pack.ok && pack.pack.questions.map((q) => [q.domain, q.topics[0]])).toEqual([
      [2, 'async-invocation'],
      [5, 'net'],
    ]);
    expect((await run('convert', src, '--map', 'Async')).code).toBe(2);
  });

  it('exits 1 with source lines when the source is broken, and writes nothing', async () => {
    const out = path.join(dir, 'never.yaml');
    const { code, out: text } = await run('convert', file('broken.aiken.txt', 'Question?\nA. one\nB. two\nC. three\nANSWER: F\n'), '-o', out);
    expect(code).toBe(1);
    expect(text).toMatch(/broken\.aiken\.txt:5:1: ANSWER: names "F"/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses to convert a pack or to overwrite the source', async () => {
    expect((await run('convert', file('p.yaml', toYaml(goodPack())))).code).toBe(2);
    const g = file('same.gift', gift);
    expect((await run('convert', g, '-o', g)).code).toBe(2);
  });
});

describe('packs analyse', () => {
  const results = (learner: string, marks: boolean[]) => {
    const answers = marks.map((m, i) => ({ question: `q${i + 1}`, options: 4, selected: [m ? 0 : 1], correct: m, timeMs: 30_000, answeredAt: 1 }));
    const correct = answers.filter((a) => a.correct).length;
    return JSON.stringify({ format: 'lambda-ops-lab-results', v: 1, learner, pack: { id: 'class-week-3', version: '1.0.0', title: 'Week 3' }, exportedAt: 1, score: { answered: 3, correct, percent: 0 }, answers });
  };

  it('prints item analysis for many results files, flags negative discrimination, and writes CSV', async () => {
    const files = [
      file('r1.json', results('L1', [true, true, true])),
      file('r2.json', results('L2', [true, true, false])),
      file('r3.json', results('L3', [true, false, false])),
      file('r4.json', results('L4', [false, false, true])),
    ];
    const text = await run('analyse', ...files);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Week 3 \(class-week-3, version 1\.0\.0\): 4 learners, 3 questions/);
    expect(text.out).toMatch(/q3 +4 +50% +-0\.302 +A:2 B:2 C:0 D:0 +! negative-discrimination/);
    expect(text.out).toMatch(/1 question has negative discrimination \(check the key and the wording\): q3/);
    const csv = await run('analyse', ...files, '--csv', 'items');
    expect(csv.out.split('\r\n')[2]).toBe('q2,4,2,50,0.577,30,2,2,0,0,');
    const learners = await run('analyse', ...files, '--csv', 'learners');
    expect(learners.out).toMatch(/^learner,answered,correct,percent,minutes\r\nL1,3,3,100,1.5/);
    const bad = await run('analyse', files[0] ?? '', file('bad.json', '{"format":"lambda-ops-lab-results","v":1}'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json: not analysed: the results file is damaged/);
    expect((await run('analyse')).code).toBe(2);
  });
});
