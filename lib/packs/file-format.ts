/**
 * What kind of file an instructor handed over: the one rule the CLI, the Packs page's checking worker, the
 * pack editor and the pack reader's "this looks like GIFT" hint all share, so they never disagree.
 */

export const SOURCE_FORMATS = ['gift', 'aiken', 'csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** How much of a file the content rules read: enough for any header or first question, bounded for huge files. */
const SAMPLE_CHARS = 200_000;

/**
 * A question format other than a pack, from the file name, then from the content for ambiguous names such as
 * .txt: "{…=…}" or "{…~…}" answer blocks, "::name::" or "$CATEGORY:" mean GIFT; an "ANSWER:" line after
 * lettered options means Aiken (a file showing both is left undecided); a header row naming stem and correct
 * columns means CSV.
 */
export function detectFormat(fileName: string, text = ''): SourceFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.gift') || name.endsWith('.gift.txt')) return 'gift';
  if (name.endsWith('.aiken') || name.endsWith('.aiken.txt')) return 'aiken';
  if (name.endsWith('.csv')) return 'csv';
  const sample = text.slice(0, SAMPLE_CHARS);
  const looksGift = /\{[^{}]*[=~][^{}]*\}/.test(sample) || /^\s*::[^:\n]+::/m.test(sample) || /^\s*\$CATEGORY:/m.test(sample);
  const looksAiken = /^\s*ANSWER\s*:\s*[A-Z]/m.test(sample) && /^\s*[A-Z][.)]\s+\S/m.test(sample);
  if (looksGift && !looksAiken) return 'gift';
  if (looksAiken && !looksGift) return 'aiken';
  if (looksGift || looksAiken) return undefined;
  const firstLine = sample.split('\n', 1)[0] ?? '';
  if (/(^|,)\s*"?stem"?\s*(,|$)/i.test(firstLine) && /(^|,)\s*"?correct"?\s*(,|$)/i.test(firstLine)) return 'csv';
  return undefined;
}

/** A pack file in JSON rather than YAML: by name, else by a leading "{". */
export function looksLikeJson(text: string, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.ya?ml$/i.test(fileName)) return false;
  return /^\s*\{/.test(text.slice(0, 1000));
}

/** Pack files by extension, then GIFT, Aiken or CSV by name or content, else a pack (whose reader explains). */
export function chooseFormat(fileName: string, text: string): 'pack' | SourceFormat {
  if (/\.(ya?ml|json)$/i.test(fileName)) return 'pack';
  return detectFormat(fileName, text) ?? 'pack';
}
