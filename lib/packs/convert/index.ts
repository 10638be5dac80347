/** Converters from formats instructors already have. Pure functions: text in, a checked pack (or problems) out. */
import { convertAiken } from './aiken';
import type { ConvertOptions, ConvertResult } from './common';
import { convertCsv } from './csv';
import { convertGift } from './gift';

export { convertAiken, readAiken } from './aiken';
export { convertCsv, parseCsv, readCsv, CSV_COLUMNS } from './csv';
export { convertGift, readGift, unescapeGift } from './gift';
export { PLACEHOLDER_WHY, DEFAULT_TOPIC, NO_CATEGORY, slugify, stableHash, type CategoryMapping, type CategorySummary, type ConvertOptions, type ConvertResult, type DraftQuestion, type QuestionSource } from './common';

export const SOURCE_FORMATS = ['gift', 'aiken', 'csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * The format from the file name, then from the content for ambiguous names such as .txt:
 * "{…=…}" or "{…~…}" answer blocks mean GIFT, an "ANSWER:" line means Aiken.
 */
export function detectFormat(fileName: string, text = ''): SourceFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.gift') || name.endsWith('.gift.txt')) return 'gift';
  if (name.endsWith('.aiken') || name.endsWith('.aiken.txt')) return 'aiken';
  if (name.endsWith('.csv')) return 'csv';
  const sample = text.slice(0, 200_000);
  const looksGift = /\{[^{}]*[=~][^{}]*\}/.test(sample) || /^\s*::[^:]+::/m.test(sample) || /^\s*\$CATEGORY:/m.test(sample);
  const looksAiken = /^\s*ANSWER\s*:\s*[A-Z]/m.test(sample) && /^\s*[A-Z][.)]\s+\S/m.test(sample);
  if (looksGift && !looksAiken) return 'gift';
  if (looksAiken && !looksGift) return 'aiken';
  return undefined;
}

export function convertSource(text: string, fileName: string, format: SourceFormat, options: ConvertOptions = {}): ConvertResult {
  switch (format) {
    case 'gift':
      return convertGift(text, fileName, options);
    case 'aiken':
      return convertAiken(text, fileName, options);
    case 'csv':
      return convertCsv(text, fileName, options);
  }
}
