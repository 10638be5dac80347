import type { Subscription } from 'dexie';
import { create } from 'zustand';
import { CardState, DEFAULT_SRS_SETTINGS, DAY_MS, SRS_SETTINGS_KEY, type RatingValue, type SrsSettings } from '@/lib/srs/constants';
import { toCardId } from '@/lib/srs/ids';
import { buildQueue, queueSummary, type Queue, type QueueSummary } from '@/lib/srs/queue';
import type { IntakeAnswer } from '@/lib/srs/intake';
import { PACK_LIMITS_KEY, parsePackLimits, type PackLimits } from '@/lib/srs/pack-limits';
import { FSRS_PARAMS_KEY, parseFsrsParams, type FsrsParams } from '@/lib/srs/fsrs-params';
import type { RepoSettings } from '@/lib/srs/repo';
import { DEFAULT_PLAN_SETTINGS, type PlanSettings } from '@/lib/srs/plan-settings';
import { quizRating, type Confidence } from '@/lib/srs/rating';
import type { CardRecord, ReviewLogRecord, ReviewSource } from '@/lib/srs/records';
import type { IntakeResult, RecordedReview, UndoResult } from '@/lib/srs/repo';
import { getStorage } from './storage';
import { quarantineCounted } from './watch-validated';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface LastRating {
  logId: number;
  key: string;
  rating: RatingValue;
  source: ReviewSource;
}

export interface AnswerInput {
  /** A card id (`q:pack/question`) or a bank key (`pack/question`). */
  key: string;
  correct: boolean;
  confidence?: Confidence;
  elapsedMs?: number;
  expectedMs?: number;
  source: ReviewSource;
}

interface ReviewState {
  status: Status;
  error?: string;
  settings: SrsSettings;
  /** The exam plan (date, daily budget, easy days), stored in the same row as `settings`. */
  plan: PlanSettings;
  /** FSRS parameters the learner trained and adopted (null: the defaults). Same settings table, own row. */
  parameters: FsrsParams | null;
  /** Per-pack daily limits (the Packs page), inside the global ones. */
  packLimits: PackLimits;
  /** The browser's IANA time zone; the learner's day is computed in it. */
  timeZone: string;
  cards: Map<string, CardRecord>;
  /** Reviews from shortly before today's start onwards (enough for today's limits and counts). */
  recentLogs: ReviewLogRecord[];
  /** The instant from which `recentLogs` is complete. */
  recentSince: number;
  /** This tab's latest rating, which Undo reverts. */
  lastRating?: LastRating;
  init: () => Promise<void>;
  rate: (key: string, rating: RatingValue, options: { source: ReviewSource; durationMs?: number }) => Promise<RecordedReview>;
  /**
   * A question answered outside Review. A card not yet being learned uses the daily new-card room; when
   * today's room is used up it is held for a later day instead (`held`).
   */
  recordAnswer: (answer: AnswerInput) => Promise<AnswerOutcome | undefined>;
  /** Several answers at once (an exam's results), planned together against the daily limit. */
  recordAnswers: (answers: readonly IntakeAnswer[], options: { source: ReviewSource; now?: number; durationMs?: number }) => Promise<IntakeResult>;
  undo: () => Promise<UndoResult>;
  updateSettings: (patch: Partial<SrsSettings>) => Promise<void>;
  updatePlan: (patch: Partial<PlanSettings>) => Promise<void>;
  /** Reviews since an instant, read once (for the progress page; today's live reviews are in `recentLogs`). */
  loadHistory: (since: number) => Promise<ReviewLogRecord[]>;
}

export type AnswerOutcome = ({ kind: 'reviewed' } & RecordedReview) | { kind: 'held'; introduceAt: number };

let subscription: Subscription | undefined;

/** The review code (ts-fsrs, the zod schemas) loads on first use, never in a page's first-load JS. */
const loadRepo = () => import('@/lib/srs/repo');

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

async function settingsNow(get: () => ReviewState): Promise<SrsSettings> {
  if (get().status === 'ready') return get().settings;
  const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
  return repo.readSrsSettings(db);
}

/** The settings the scheduler runs with: the review settings plus the adopted parameters, if any. */
async function schedulerSettingsNow(get: () => ReviewState): Promise<RepoSettings> {
  const settings = await settingsNow(get);
  let params = get().parameters;
  if (get().status !== 'ready') {
    const { db } = await getStorage();
    params = parseFsrsParams(((await db.settings.get(FSRS_PARAMS_KEY)) as { value?: unknown } | undefined)?.value);
  }
  return params ? { ...settings, parameters: params.w } : settings;
}

/**
 * Spaced repetition state for the UI: every card and today's reviews, kept in sync with IndexedDB (and
 * other tabs) by a Dexie live query. Writes go straight to the database in one transaction each; the live
 * query then updates every open tab.
 */
export const useReview = create<ReviewState>()((set, get) => ({
  status: 'idle',
  settings: DEFAULT_SRS_SETTINGS,
  plan: DEFAULT_PLAN_SETTINGS,
  parameters: null,
  packLimits: new Map(),
  timeZone: 'UTC',
  cards: new Map(),
  recentLogs: [],
  recentSince: 0,

  async init() {
    if (get().status !== 'idle') return;
    set({ status: 'loading', timeZone: browserTimeZone() });
    try {
      const [storage, repo, { liveQuery }] = await Promise.all([getStorage(), loadRepo(), import('dexie')]);
      const { db } = storage;
      // Two days back covers today's start for any day-start hour; the query's range is fixed, so a tab
      // left open over several days simply keeps a few more rows.
      const since = Date.now() - 2 * DAY_MS;
      set({ recentSince: since });
      subscription = liveQuery(async () => {
        const cards = repo.validCards(await db.cards.toArray());
        const logs = repo.validLogs(await db.reviews.where('reviewedAt').aboveOrEqual(since).toArray());
        const setting = (await db.settings.get(SRS_SETTINGS_KEY)) as { value?: unknown } | undefined;
        const packLimits = parsePackLimits(((await db.settings.get(PACK_LIMITS_KEY)) as { value?: unknown } | undefined)?.value);
        const parameters = parseFsrsParams(((await db.settings.get(FSRS_PARAMS_KEY)) as { value?: unknown } | undefined)?.value);
        return { cards, logs, settings: repo.parseSrsSettings(setting?.value), plan: repo.parsePlanSettings(setting?.value), packLimits, parameters };
      }).subscribe({
        next: ({ cards, logs, settings, plan, packLimits, parameters }) => {
          set({ status: 'ready', settings, plan, packLimits, parameters, cards: new Map(cards.records.map((c) => [c.key, c])), recentLogs: logs.records });
          quarantineCounted(storage, { cards: cards.invalid, reviews: logs.invalid });
        },
        error: (error: unknown) => set({ status: 'error', error: String(error) }),
      });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async rate(key, rating, { source, durationMs }) {
    const id = toCardId(key);
    if (!id) throw new Error(`Not a card id: ${key}`);
    const settings = await schedulerSettingsNow(get);
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    const result = await repo.recordReview(db, { key: id, rating, now: Date.now(), source, ...(durationMs !== undefined ? { durationMs } : {}) }, settings);
    set({ lastRating: { logId: result.log.id!, key: id, rating, source }, ...(get().status === 'ready' ? applyLocally(get(), [result]) : {}) });
    return result;
  },

  async recordAnswer({ key, correct, confidence, elapsedMs, expectedMs, source }) {
    const id = toCardId(key);
    if (!id) throw new Error(`Not a card id: ${key}`);
    const rating = quizRating({ correct, confidence, elapsedMs, expectedMs });
    const known = get().status === 'ready' ? get().cards.get(id) : undefined;
    // A card already being learned is simply reviewed; only a new one needs the daily-limit check.
    if (known && known.state !== CardState.New) {
      const saved = await get().rate(id, rating, { source, ...(elapsedMs !== undefined ? { durationMs: elapsedMs } : {}) });
      return { kind: 'reviewed', ...saved };
    }
    const result = await get().recordAnswers([{ key: id, rating }], { source, ...(elapsedMs !== undefined ? { durationMs: elapsedMs } : {}) });
    const saved = result.recorded[0];
    if (saved) return { kind: 'reviewed', ...saved };
    const held = result.held[0];
    if (held) return { kind: 'held', introduceAt: held.introduceAt };
    // Already held for a later day: it keeps its place.
    const card = get().cards.get(id);
    return card ? { kind: 'held', introduceAt: card.due } : undefined;
  },

  async recordAnswers(answers, { source, now = Date.now(), durationMs }) {
    const settings = await schedulerSettingsNow(get);
    const valid = answers.flatMap((a) => {
      const id = toCardId(a.key);
      return id ? [{ key: id, rating: a.rating }] : [];
    });
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    const timeZone = get().status === 'idle' ? browserTimeZone() : get().timeZone;
    const result = await repo.recordIntake(db, { answers: valid, source, now, timeZone, ...(durationMs !== undefined ? { durationMs } : {}) }, settings);
    const last = result.recorded[result.recorded.length - 1];
    if (last && result.recorded.length === 1) set({ lastRating: { logId: last.log.id!, key: last.card.key, rating: last.log.rating, source } });
    if (get().status === 'ready') {
      const local = applyLocally(get(), result.recorded);
      for (const h of result.held) if (!local.cards.has(h.key) || local.cards.get(h.key)!.state === CardState.New) local.cards.set(h.key, { ...heldCard(h.key, now), due: h.introduceAt });
      set(local);
    }
    return result;
  },

  async undo() {
    const last = get().lastRating;
    if (!last) return { ok: false, reason: 'There is no rating to undo.' };
    const settings = await schedulerSettingsNow(get);
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    const result = await repo.undoLastReview(db, last.logId, settings, Date.now());
    if (result.ok) {
      const cards = new Map(get().cards);
      if (result.card) cards.set(result.key, result.card);
      else cards.delete(result.key);
      set({ lastRating: undefined, cards, recentLogs: get().recentLogs.filter((l) => l.id !== last.logId) });
    } else {
      set({ lastRating: undefined });
    }
    return result;
  },

  async updateSettings(patch) {
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    const next = await repo.writeSrsSettings(db, { ...(await settingsNow(get)), ...patch }, Date.now());
    set({ settings: next });
  },

  async updatePlan(patch) {
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    const current = get().status === 'ready' ? get().plan : await repo.readPlanSettings(db);
    const next = await repo.writePlanSettings(db, { ...current, ...patch }, Date.now());
    set({ plan: next });
  },

  async loadHistory(since) {
    const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
    return (await repo.reviewsSince(db, since)).records;
  },
}));

/**
 * This tab's own writes show at once; the live query then confirms them (and brings other tabs' writes),
 * so the screen never waits for the whole cards table to be read back after a review.
 */
function applyLocally(state: Pick<ReviewState, 'cards' | 'recentLogs'>, recorded: readonly RecordedReview[]): Pick<ReviewState, 'cards' | 'recentLogs'> {
  const cards = new Map(state.cards);
  for (const r of recorded) cards.set(r.card.key, r.card);
  const known = new Set(state.recentLogs.map((l) => l.id));
  return { cards, recentLogs: [...state.recentLogs, ...recorded.map((r) => r.log).filter((l) => !known.has(l.id))] };
}

/** A held card as the repo writes it, shown at once in this tab (the live query then confirms it). */
function heldCard(key: string, now: number): CardRecord {
  return { v: 1, key, due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: CardState.New, updatedAt: now };
}

export interface QueueOptions {
  newCandidates: readonly string[];
  isActive?: (key: string) => boolean;
  now: number;
}

/** Today's queue from the store's state (pure: the same state and `now` give the same queue). */
export function selectQueue(state: Pick<ReviewState, 'cards' | 'recentLogs' | 'settings' | 'timeZone'> & { packLimits?: PackLimits }, options: QueueOptions): Queue {
  return buildQueue({
    ...(state.packLimits ? { packLimits: state.packLimits } : {}),
    cards: state.cards.values(),
    newCandidates: options.newCandidates,
    recentLogs: state.recentLogs,
    ...(options.isActive ? { isActive: options.isActive } : {}),
    now: options.now,
    timeZone: state.timeZone,
    settings: state.settings,
  });
}

/** The numbers the dashboard shows: due today, new still to introduce, and when the next card falls due. */
export function selectDueSummary(state: Pick<ReviewState, 'cards' | 'recentLogs' | 'settings' | 'timeZone'> & { packLimits?: PackLimits }, options: QueueOptions): QueueSummary {
  return queueSummary(selectQueue(state, options));
}

export function stopReviewSync() {
  subscription?.unsubscribe();
  subscription = undefined;
}
