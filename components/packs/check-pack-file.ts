import { chooseFormat, convertSource, looksLikeJson, parsePack } from '@/lib/packs';
import type { PackSourceFormat } from '@/lib/storage/pack-records';
import type { ParseJob, ParseResult } from './parse-protocol';

/**
 * One file in, a checked pack or its problems out, with exactly the lib/packs code the CLI runs
 * (`npm run packs -- check` for YAML/JSON, `npm run packs -- convert` for GIFT, Aiken and CSV).
 * Runs in the parsing worker, or on the page when a browser cannot start workers.
 */
export function checkPackFile(job: ParseJob): { result: ParseResult; format: PackSourceFormat } {
  const format = job.format ?? chooseFormat(job.fileName, job.text);
  if (format === 'pack') {
    return { result: parsePack(job.text, job.fileName), format: looksLikeJson(job.text, job.fileName) ? 'json' : 'yaml' };
  }
  return { result: convertSource(job.text, job.fileName, format, job.options ?? {}), format };
}
