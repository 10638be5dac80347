import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What each storage entry evaluates. The core entry is opened on every page that touches the database, so the
 * simulator's schema (the pack stores' dependency, about 50 KB of zod) must stay out of it; the full entry
 * (packs, export, import) needs it. Read from the import graph esbuild resolves, the same one the app bundles.
 */
async function modulesOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    packages: 'external',
    logLevel: 'silent',
    alias: { '@': path.resolve('.') },
  });
  return Object.keys(result.metafile.inputs);
}

describe('storage entry points', () => {
  it('the core entry, which every page opens, leaves out the pack and simulator schemas', async () => {
    const modules = await modulesOf('lib/storage/index.ts');
    expect(modules).toContain('lib/srs/records.ts');
    expect(modules).toContain('lib/exam/attempt-schema.ts');
    expect(modules).toContain('lib/packs/question-schema.ts');
    for (const heavy of ['lib/sim/schema.ts', 'lib/sim/alarms.ts', 'lib/packs/schema.ts', 'lib/storage/pack-records.ts', 'lib/storage/export-format.ts']) {
      expect(modules).not.toContain(heavy);
    }
  });

  it('the full entry has the pack stores and the simulator schema they validate scenarios with', async () => {
    const modules = await modulesOf('lib/storage/full.ts');
    for (const needed of ['lib/storage/index.ts', 'lib/storage/pack-records.ts', 'lib/sim/schema.ts', 'lib/storage/learner-data.ts']) {
      expect(modules).toContain(needed);
    }
  });
});
