/** Converters from formats instructors already have. Pure functions: text in, a checked pack (or problems) out. */
import { convertAiken } from './aiken';
import type { ConvertOptions, ConvertResult } from './common';
import type { SourceFormat } from '../file-format';
import { convertCsv } from './csv';
import { convertGift } from './gift';

export { convertAiken, readAiken } from './aiken';
export { convertCsv, parseCsv, readCsv, CSV_COLUMNS } from './csv';
export { convertGift, readGift, unescapeGift } from './gift';
export { PLACEHOLDER_WHY, DEFAULT_TOPIC, NO_CATEGORY, slugify, stableHash, type CategoryMapping, type CategorySummary, type ConvertOptions, type ConvertResult, type DraftQuestion, type QuestionSource } from './common';

export { chooseFormat, detectFormat, looksLikeJson, SOURCE_FORMATS, type SourceFormat } from '../file-format';

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
