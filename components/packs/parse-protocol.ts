import type { ConvertOptions, ConvertResult, ParsePackResult, SourceFormat } from '@/lib/packs';
import type { PackSourceFormat } from '@/lib/storage/pack-records';

/** Messages between the Packs page and its parsing worker. Types only, so importing this costs no bytes. */

/** How to read a file: as a pack (YAML or JSON) or converted from GIFT, Aiken or CSV. */
export type InputFormat = 'pack' | SourceFormat;

export interface ParseJob {
  text: string;
  fileName: string;
  /** Omitted: decided from the file name, then the content (the worker does it, next to the parser). */
  format?: InputFormat;
  /** Defaults for what GIFT, Aiken and CSV do not record (pack id, title, author, domain…). */
  options?: ConvertOptions;
}

export interface ParseRequest extends ParseJob {
  id: number;
}

export type ParseResult = ParsePackResult | ConvertResult;

export interface ParseResponse {
  id: number;
  result: ParseResult;
  /** What the file was read as. */
  format: PackSourceFormat;
  /** Time the worker spent checking, for the preview. */
  ms: number;
}
