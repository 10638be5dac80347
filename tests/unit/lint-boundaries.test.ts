import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture rules of eslint.config.mjs, run through ESLint's Node API on virtual files (nothing is
 * written to disk). Each fixture names a file path, since the rules are folder-to-folder, and its source.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const ARCHITECTURE_RULES = new Set(['boundaries/dependencies', 'no-restricted-imports', 'no-restricted-syntax']);

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.fatal || ARCHITECTURE_RULES.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint probe: a lib file three levels deep importing a component', () => {
  it('fails through the @/ alias', async () => {
    const found = await problems('lib/sim/sources/probe.ts', "import { FilterButtons } from '@/components/ui/filter-buttons';\nexport const probe = FilterButtons;\n");
    expect(found).toEqual([expect.stringContaining('boundaries/dependencies: lib/ must not depend on the UI layers')]);
  });

  it('fails through a relative path', async () => {
    const found = await problems('lib/sim/sources/probe.ts', "import { FilterButtons } from '../../../components/ui/filter-buttons';\nexport const probe = FilterButtons;\n");
    expect(found).toEqual([expect.stringContaining('lib/ must not depend on the UI layers')]);
  });

  it('fails for a store, a route and a type-only import alike', async () => {
    const store = await problems('lib/sim/sources/probe.ts', "import { usePreferences } from '@/stores/preferences-store';\nexport const probe = usePreferences;\n");
    const route = await problems('lib/srs/deep/er/probe.ts', "import Page from '../../../../app/learn/page';\nexport const probe = Page;\n");
    const type = await problems('lib/quiz/probe.ts', "import type { FilterOption } from '@/components/ui/filter-buttons';\nexport type Probe = FilterOption<'a'>;\n");
    for (const found of [store, route, type]) expect(found).toEqual([expect.stringContaining('lib/ must not depend on the UI layers')]);
  });

  it('passes for a lib file importing lib', async () => {
    expect(await problems('lib/sim/sources/probe.ts', "import { createRng } from '@/lib/random';\nexport const probe = createRng(1);\n")).toEqual([]);
  });
});

describe('lib/ stays plain, replayable TypeScript', () => {
  it('bans React, Next and zustand', async () => {
    const found = await problems('lib/exam/probe.ts', "import { useState } from 'react';\nexport const probe = useState;\n");
    expect(found).toEqual([expect.stringContaining('no-restricted-imports')]);
  });

  it.each([
    ['performance.now()', 'performance.now'],
    ['Date.now()', 'Date.now'],
    ['new Date()', 'new Date'],
    ['Math.random()', 'Math.random'],
  ])('bans %s in pure lib', async (expression, named) => {
    const found = await problems('lib/sim/sources/probe.ts', `export const probe = () => ${expression};\n`);
    expect(found).toEqual([expect.stringContaining(named)]);
  });

  it('allows the clock in lib tests', async () => {
    expect(await problems('lib/sim/__tests__/probe.test.ts', 'export const probe = () => performance.now() + Date.now();\n')).toEqual([]);
  });

  it('bans Node built-ins outside the Node-only modules', async () => {
    const found = await problems('lib/packs/probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n");
    expect(found).toEqual([expect.stringContaining('Node built-ins')]);
  });

  it('must not reach scripts/ from shipped code, while a test may drive a CLI', async () => {
    const code = "import { runPacksCli } from '../../scripts/packs-cli';\nexport const probe = runPacksCli;\n";
    expect(await problems('lib/packs/probe.ts', code)).toEqual([expect.stringContaining('scripts/')]);
    expect(await problems('lib/packs/__tests__/probe.test.ts', code.replace('../../', '../../../'))).toEqual([]);
  });
});

describe('components reach storage only through stores', () => {
  it('fails for a value from the lib/storage barrel or any of its modules', async () => {
    const barrel = await problems('components/data/probe.tsx', "import { openLearnerDb } from '@/lib/storage';\nexport const probe = openLearnerDb;\n");
    const deep = await problems('components/data/deep/probe.tsx', "import { LearnerDb } from '../../../lib/storage/db';\nexport const probe = LearnerDb;\n");
    const lazy = await problems('components/data/probe.tsx', "export const probe = () => import('@/lib/storage/export-format');\n");
    for (const found of [barrel, deep, lazy]) expect(found).toEqual([expect.stringContaining('goes through stores/')]);
  });

  it('allows a type from storage', async () => {
    expect(await problems('components/packs/probe.tsx', "import type { PackRecord } from '@/lib/storage';\nexport type Probe = PackRecord;\n")).toEqual([]);
  });

  it('bans dexie', async () => {
    const found = await problems('components/data/probe.tsx', "import Dexie from 'dexie';\nexport const probe = Dexie;\n");
    expect(found).toEqual([expect.stringContaining('no-restricted-imports')]);
  });
});

describe('the layers point down', () => {
  it('stores do not import components, components do not import routes', async () => {
    const store = await problems('stores/probe.ts', "import { FilterButtons } from '@/components/ui/filter-buttons';\nexport const probe = FilterButtons;\n");
    const component = await problems('components/ui/probe.tsx', "import Page from '@/app/learn/page';\nexport const probe = Page;\n");
    expect(store).toEqual([expect.stringContaining('stores/ sit below the UI')]);
    expect(component).toEqual([expect.stringContaining('must not import routes')]);
  });
});

describe('Node-only modules of lib/content', () => {
  const readIndex = (from: string) => `import { readLessonIndex } from '${from}';\nexport const probe = readLessonIndex;\n`;

  it.each([
    ['components/lesson/probe.tsx', '@/lib/content/generated'],
    ['stores/probe.ts', '@/lib/content/generated'],
    ['lib/quiz/probe.ts', '../content/generated'],
  ])('%s must not import one', async (file, from) => {
    expect(await problems(file, readIndex(from))).toEqual([expect.stringContaining('runs only in Node')]);
  });

  it('a route (build time), a lib test and a type-only import may', async () => {
    expect(await problems('app/learn/probe.tsx', readIndex('@/lib/content/generated'))).toEqual([]);
    expect(await problems('lib/content/__tests__/probe.test.ts', "import { compileLesson } from '../compile-lesson';\nexport const probe = compileLesson;\n")).toEqual([]);
    expect(await problems('components/lesson/probe.tsx', "import type { LessonBuildError } from '@/lib/content/compile-lesson';\nexport type Probe = LessonBuildError;\n")).toEqual([]);
  });

  it('the Node-only modules themselves may import node: built-ins', async () => {
    const [result] = await eslint.lintFiles(['lib/content/generated.ts', 'lib/content/paths.ts']);
    expect(result?.messages).toEqual([]);
  });
});
