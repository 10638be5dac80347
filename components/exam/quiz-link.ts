/**
 * Links into the practice quiz (app/quiz, built by the review feature; it reads ?topic=… or ?weakest=1).
 * "Practise my weak topics" uses the weakest-areas quiz: an exam's wrong answers are logged as lapses
 * when it is submitted, so that quiz starts with exactly those questions and the topics they belong to.
 * The quiz takes one topic at a time, so each weak topic also gets its own link.
 */
export const WEAK_TOPICS_QUIZ_HREF = '/quiz/?weakest=1';

export function topicQuizHref(topic: string): string {
  return `/quiz/?topic=${encodeURIComponent(topic)}`;
}
