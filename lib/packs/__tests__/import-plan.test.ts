import { describe, expect, it } from 'vitest';
import { buildBank } from '../../quiz/bank';
import { convertAiken, convertCsv, convertGift, packToYaml, parsePack, type ConvertResult, type Pack } from '../index';
import { planImport } from '../import-plan';
import { checkPackData } from '../validate';
import { goodPack, goodQuestion } from './helpers';

function pack(version: string, ids: string[], id = 'class-pack'): Pack {
  const result = checkPackData({ ...goodPack(ids.map((q) => goodQuestion(q))), id, version });
  if (!result.pack) throw new Error('fixture pack is invalid');
  return result.pack;
}

function ok(result: ConvertResult): Pack {
  if (!result.ok) throw new Error(`conversion failed:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return result.pack;
}

describe('planImport: what importing a checked pack would do', () => {
  const builtIn = { pack: pack('3.0.0', ['core-one'], 'lambda-invocation'), builtIn: true };

  it('adds a pack with a new id', () => {
    expect(planImport(pack('1.0.0', ['q-one']), [builtIn])).toEqual({ action: 'add' });
  });

  it('refuses an id that belongs to a built-in pack, whatever the version, and says what to do', () => {
    const plan = planImport(pack('9.0.0', ['core-one'], 'lambda-invocation'), [builtIn]);
    expect(plan.action).toBe('refuse');
    if (plan.action === 'refuse') {
      expect(plan.message).toMatch(/belongs to a built-in pack/);
      expect(plan.message).toMatch(/give it a new id \(for example "lambda-invocation-class"\)/);
    }
  });

  it('replaces an imported pack and says whether the file is newer, the same or older', () => {
    const installed = [builtIn, { pack: pack('1.2.0', ['q-one', 'q-two', 'q-three']), builtIn: false }];
    const newer = planImport(pack('1.10.0', ['q-one', 'q-two', 'q-four']), installed);
    expect(newer).toMatchObject({ action: 'replace', relation: 'newer', identical: false });
    if (newer.action === 'replace') {
      expect(newer.upgrade.kept).toEqual(['q-one', 'q-two']);
      expect(newer.upgrade.added).toEqual(['q-four']);
      expect(newer.upgrade.removed).toEqual(['q-three']);
      expect(newer.installed.version).toBe('1.2.0');
    }
    expect(planImport(pack('1.1.9', ['q-one']), installed)).toMatchObject({ action: 'replace', relation: 'older' });
    expect(planImport(pack('1.2.0', ['q-one']), installed)).toMatchObject({ action: 'replace', relation: 'same', identical: false });
  });

  it('knows when a file is exactly the installed pack, even with keys in another order', () => {
    const installed = pack('1.0.0', ['q-one', 'q-two']);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(installed) as Pack;
    expect(Object.keys(reordered)[0]).toBe('questions');
    expect(planImport(reordered, [{ pack: installed, builtIn: false }])).toMatchObject({ action: 'replace', relation: 'same', identical: true });
    const edited = structuredClone(installed);
    edited.questions[1]!.options[0]!.why = 'A better reason.';
    const plan = planImport(edited, [{ pack: installed, builtIn: false }]);
    expect(plan).toMatchObject({ action: 'replace', identical: false });
    if (plan.action === 'replace') expect(plan.upgrade.changed).toEqual(['q-two']);
  });
});

/** Two releases of one instructor's Moodle export: version 2 rewords one question, drops one and adds one. */
const GIFT_V1 = `// Week 3 quiz, exported from Moodle 4.3
// question: 101  name: async-retries
$CATEGORY: $course$/top/CloudOps/Async

::async-retries::[markdown]An asynchronously invoked function throws an error. How many more times does Lambda try the event by default?{
  =Two more times#\`MaximumRetryAttempts\` defaults to 2.
  ~None#Lambda retries asynchronous invocations after function errors.
  ~Five more times#The setting accepts only 0\\, 1 or 2.
  ~Until the event is 6 hours old#That limit applies to throttles and service errors.
  ####Function errors are retried up to \`MaximumRetryAttempts\` times.
}

// question: 102  name: dlq-target
::dlq-target::Which services can be the dead-letter queue of an asynchronously invoked function?{
  ~%50%Amazon SQS#A standard queue works.
  ~%50%Amazon SNS#A topic works.
  ~%-100%Amazon S3#Not a DLQ target.
  ~%-100%Amazon EventBridge#It is a destination\\, not a DLQ.
  ~%-100%Amazon Kinesis#Not a DLQ target.
}

::escape-check::Which JSON turns retries off: \\{"MaximumRetryAttempts"\\: 0\\}?{
  =That one#Zero retries \\= off.
  ~None of them#One of them does.
  ~Only a CLI flag#The JSON works too.
}
`;

const GIFT_V2 = GIFT_V1.replace('How many more times does Lambda try', 'How many times does Lambda retry')
  .replace(/::escape-check::[\s\S]*?\n}\n/, '')
  .concat(`
::event-age::What is the longest maximum event age you can set for asynchronous invocation?{
  =6 hours#21,600 seconds is the maximum.
  ~1 hour#Too short.
  ~24 hours#Too long.
  ~14 days#That is the SQS retention limit.
}
`);

describe('an instructor ships version 2 of a converted pack', () => {
  const options = { id: 'week-3', title: 'Week 3: async Lambda', author: 'J. Rivera', domain: 2, difficulty: 'medium' as const };

  it('GIFT names become stable ids, so reworded questions keep their history and removed ones leave the bank', () => {
    const v1 = ok(convertGift(GIFT_V1, 'week3.gift', { ...options, version: '1.0.0' }));
    const v2 = ok(convertGift(GIFT_V2, 'week3.gift', { ...options, version: '1.1.0' }));
    expect(v1.questions.map((q) => q.id)).toEqual(['async-retries', 'dlq-target', 'escape-check']);
    expect(v1.questions[2]?.stem).toBe('Which JSON turns retries off: {"MaximumRetryAttempts": 0}?');
    expect(v1.questions[1]?.type).toBe('multiple');

    const plan = planImport(v2, [{ pack: v1, builtIn: false }]);
    expect(plan.action).toBe('replace');
    if (plan.action !== 'replace') return;
    expect(plan.relation).toBe('newer');
    expect(plan.upgrade.kept).toEqual(['async-retries', 'dlq-target']);
    expect(plan.upgrade.changed).toEqual(['async-retries']);
    expect(plan.upgrade.added).toEqual(['event-age']);
    expect(plan.upgrade.removed).toEqual(['escape-check']);
    // The learner's bank after the upgrade: progress keys for kept questions are unchanged.
    expect(buildBank([v2]).map((q) => q.key)).toEqual(['week-3/async-retries', 'week-3/dlq-target', 'week-3/event-age']);
  });

  it('the converted pack survives export to YAML and import as a pack file unchanged', () => {
    const v1 = ok(convertGift(GIFT_V1, 'week3.gift', { ...options, version: '1.0.0' }));
    const reread = parsePack(packToYaml(v1), 'week-3.yaml');
    expect(reread.ok).toBe(true);
    if (reread.ok) expect(planImport(reread.pack, [{ pack: v1, builtIn: false }])).toMatchObject({ identical: true });
  });

  it('Aiken has no names: editing a stem makes a new question, which the plan shows as removed + added', () => {
    const v1Text = `Which invocation type does Amazon S3 use for event notifications?
A. Synchronous
B. Asynchronous
C. Event source mapping
ANSWER: B

What is the default timeout of a new function?
A) 3 seconds
B) 30 seconds
C) 900 seconds
ANSWER: A
`;
    const v1 = ok(convertAiken(v1Text, 'week4.aiken.txt', { ...options, id: 'week-4', version: '1.0.0' }));
    const v2 = ok(convertAiken(v1Text.replace('What is the default timeout', 'What timeout does a new function get by default'), 'week4.aiken.txt', { ...options, id: 'week-4', version: '1.0.1' }));
    const plan = planImport(v2, [{ pack: v1, builtIn: false }]);
    expect(plan.action === 'replace' && plan.upgrade.kept.length).toBe(1);
    expect(plan.action === 'replace' && plan.upgrade.removed.length).toBe(1);
    expect(plan.action === 'replace' && plan.upgrade.added.length).toBe(1);
  });

  it('CSV ids keep progress across versions', () => {
    const header = 'id,domain,topics,difficulty,stem,option_a,option_b,option_c,option_d,correct';
    const v1 = ok(
      convertCsv(
        `${header}\nlimits-1,1,limits,easy,What is the maximum timeout of a Lambda function?,3 seconds,300 seconds,900 seconds,"3,600 seconds",C\nlimits-2,1,limits,easy,How much memory can a function have at most?,512 MB,"3,008 MB","10,240 MB",64 GB,C\n`,
        'week5.csv',
        { ...options, id: 'week-5', version: '1.0.0' },
      ),
    );
    const v2 = ok(
      convertCsv(
        `${header}\nlimits-1,1,limits,easy,What is the longest timeout a Lambda function can have?,3 seconds,300 seconds,900 seconds,"3,600 seconds",C\n`,
        'week5.csv',
        { ...options, id: 'week-5', version: '2.0.0' },
      ),
    );
    const plan = planImport(v2, [{ pack: v1, builtIn: false }]);
    expect(plan).toMatchObject({ action: 'replace', relation: 'newer' });
    if (plan.action === 'replace') expect([plan.upgrade.kept, plan.upgrade.changed, plan.upgrade.removed]).toEqual([['limits-1'], ['limits-1'], ['limits-2']]);
  });
});
