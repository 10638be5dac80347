import { convertSource, detectFormat, parsePack } from '@/lib/packs';
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
    const json = /\.json$/i.test(job.fileName) || (!/\.ya?ml$/i.test(job.fileName) && /^\s*\{/.test(job.text.slice(0, 1000)));
    return { result: parsePack(job.text, job.fileName), format: json ? 'json' : 'yaml' };
  }
  return { result: convertSource(job.text, job.fileName, format, job.options ?? {}), format };
}

/** The CLI's rule: pack files by extension, then GIFT/Aiken/CSV by extension or content, else a pack. */
export function chooseFormat(fileName: string, text: string): 'pack' | 'gift' | 'aiken' | 'csv' {
  if (/\.(ya?ml|json)$/i.test(fileName)) return 'pack';
  return detectFormat(fileName, text) ?? 'pack';
}
