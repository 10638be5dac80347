import { domainById, type DomainId } from '../content/domains';
import { topicTitle } from '../content/topics';
import { DAY_MS } from './constants';
import { isLeech } from './leech';
import type { CardRecord, ResetMarker, ReviewLogRecord } from './records';
import { afterLastReset } from './reset';
import { dueForecast, lastRatings, masteryBy, reviewsPerDay, streak, trueRetention } from './stats';
import { learnerDayBounds } from './time';

/** How far back the Progress page looks: a year of reviews. */
export const PROGRESS_HISTORY_DAYS = 365;

export interface ProgressInput {
  /** Review logs of the last year (older ones are ignored by every figure). */
  logs: readonly ReviewLogRecord[];
  resets: readonly ResetMarker[];
  cards: ReadonlyMap<string, CardRecord>;
  /** Questions that count toward mastery (practice-only items already left out), with their topics and domain. */
  questions: readonly { key: string; topics: readonly string[]; domain: number }[];
  /** Key-fact cards with the domains of their lesson. */
  facts: readonly { key: string; domains: readonly number[] }[];
  /** Whether a card is in the learner's study scope (its pack switched on, not suspended). */
  isActive: (key: string) => boolean;
  now: number;
  timeZone: string;
  dayStartHour: number;
  /** FSRS parameters the learner adopted; the defaults otherwise (their decay shapes the forgetting curve). */
  parameters?: readonly number[] | undefined;
}

/**
 * Every figure on the Progress page, from the learner's own log. Activity (reviews per day, the streak) counts
 * every review; what measures memory (retention, mastery) counts each card's history after its latest reset.
 */
export function progressStats({ logs, resets, cards, questions, facts, isActive, now, timeZone, dayStartHour, parameters }: ProgressInput) {
  const days = reviewsPerDay(logs, PROGRESS_HISTORY_DAYS, now, timeZone, dayStartHour);
  const today = learnerDayBounds(now, timeZone, dayStartHour);
  const counted = afterLastReset(logs, resets);
  const last = lastRatings(counted);
  const byTopic = masteryBy(questions.map((q) => ({ key: q.key, groups: q.topics })), cards, now, last, parameters);
  const byDomain = masteryBy([...questions.map((q) => ({ key: q.key, groups: [q.domain] })), ...facts.map((f) => ({ key: f.key, groups: f.domains }))], cards, now, last, parameters);
  const active = [...cards.values()].filter((c) => isActive(c.key));
  return {
    days,
    streak: streak(days),
    forecast: dueForecast(active, 30, now, timeZone, dayStartHour),
    retention: {
      week: trueRetention(counted, today.end - 7 * DAY_MS),
      month: trueRetention(counted, today.end - 30 * DAY_MS),
      year: trueRetention(counted, today.end - PROGRESS_HISTORY_DAYS * DAY_MS),
    },
    // Strongest first; ties go to the topic seen more, then alphabetically, so the list never reshuffles.
    byTopic: byTopic.map((m) => ({ ...m, title: topicTitle(m.group) })).sort((a, b) => b.mastery - a.mastery || b.seen - a.seen || a.title.localeCompare(b.title)),
    byDomain: byDomain.map((m) => ({ ...m, title: `Domain ${m.group}: ${domainById(Number(m.group) as DomainId).short}` })).sort((a, b) => Number(a.group) - Number(b.group)),
    studied: active.filter((c) => c.state !== 0).length,
    leeches: active.filter((c) => isLeech(c)),
    totalReviews: logs.length,
  };
}

export type ProgressStats = ReturnType<typeof progressStats>;
