import { topicTitle } from '../content/topics';
import type { Question } from '../packs/schema';

/**
 * Which section of a lesson a question is about, so feedback can link straight to it. Questions name
 * their lessons but not sections, so this matches the question's topic names and stem against the
 * lesson's headings by shared words, and gives up (null: link the lesson) when nothing matches well.
 */
export interface HeadingRef {
  id: string;
  text: string;
  depth?: number;
}

const STOP = new Set(
  'and the for are not can but has was its you all any how why who our out use uses used one two about above after again against also because been before being below between both cannot could does doing down during each from further have having here into itself just more most once only other over same should some such than that their them then there these they this those through under until very what when where which while will with would your lambda function functions aws amazon'.split(
    ' ',
  ),
);

function stem(word: string): string {
  // Light plural folding: "queues" → "queue", "retries" → "retry", "aliases" → "alias".
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []) {
    for (const part of raw.split('-')) {
      if (part.length < 3 || STOP.has(part)) continue;
      out.add(stem(part));
    }
  }
  return out;
}

export function bestSection(question: Pick<Question, 'topics' | 'stem'> & Partial<Pick<Question, 'options' | 'explanation'>>, headings: readonly HeadingRef[]): HeadingRef | null {
  const topicWords = keywords(question.topics.map((t) => `${t} ${topicTitle(t)}`).join(' '));
  // What the question is about: its stem, its right answers and its explanation.
  const stemWords = keywords([question.stem, ...(question.options ?? []).filter((o) => o.correct).map((o) => o.text), question.explanation ?? ''].join(' '));
  const headingWords = headings.map((h) => keywords(h.text));
  // A word found in many of the lesson's headings ("concurrency" in the concurrency lesson) says little.
  const df = new Map<string, number>();
  for (const words of headingWords) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  let best: HeadingRef | null = null;
  let bestScore = 0;
  headings.forEach((h, i) => {
    let score = 0;
    for (const w of headingWords[i]!) {
      const weight = 1 / (df.get(w) ?? 1);
      if (topicWords.has(w)) score += 2 * weight;
      if (stemWords.has(w)) score += weight;
    }
    // Prefer the more specific of two equally good headings (an h3 under the h2).
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) < 1e-9 && score > 0 && best && (h.depth ?? 2) > (best.depth ?? 2))) {
      best = h;
      bestScore = score;
    }
  });
  return bestScore >= 1.5 ? best : null;
}
