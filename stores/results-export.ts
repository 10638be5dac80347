import type { Pack } from '@/lib/packs/schema';
import type { ResultsFile } from '@/lib/packs/results';
import { getStorage } from './storage';

/**
 * The learner's results file for one pack, built from their submitted exam attempts in this browser. The results
 * code (with zod) loads only when a learner asks for the file.
 */
export async function buildPackResults(pack: Pack, learner: string, now: number): Promise<{ results: ResultsFile; json: string; fileName: string }> {
  const [{ db, api }, lib] = await Promise.all([getStorage(), import('@/lib/packs/results')]);
  const attempts = await api.readExamAttempts(db, now);
  const results = lib.buildResults(pack, attempts, learner, now);
  return { results, json: lib.resultsToJson(results), fileName: lib.resultsFileName(results) };
}
