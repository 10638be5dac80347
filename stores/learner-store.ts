import type { Subscription } from 'dexie';
import { create } from 'zustand';
import type { LessonProgress, QuarantinedRecord } from '@/lib/storage';
import type { ExportFile, ImportPreview } from '@/lib/storage/full';
import { getFullStorage, getStorage } from './storage';
import { quarantineCounted } from './watch-validated';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface LearnerState {
  status: Status;
  /** False when the browser refused IndexedDB: progress lasts for this visit only. */
  persistent: boolean;
  storageProblem?: string;
  error?: string;
  lessonProgress: Record<string, LessonProgress>;
  quarantine: QuarantinedRecord[];
  /** The learner has studied here before: a lesson visited, a review logged or an exam taken. */
  hasActivity: boolean;
  init: () => Promise<void>;
  visitLesson: (slug: string, progress: number) => Promise<void>;
  setLessonCompleted: (slug: string, completed: boolean) => Promise<void>;
  exportData: () => Promise<ExportFile>;
  /** Parses and previews an export file; nothing is written until importData. */
  readImportFile: (text: string) => Promise<ReadImportResult>;
  importData: (file: ExportFile) => Promise<void>;
  deleteAll: () => Promise<void>;
}

export type ReadImportResult = { ok: true; file: ExportFile; preview: ImportPreview } | { ok: false; error: string };

let subscription: Subscription | undefined;

/**
 * The bridge between the UI and lib/storage. liveQuery re-runs on every change to the tables it read,
 * in this tab or another one, so two open tabs always show the same progress.
 */
export const useLearner = create<LearnerState>()((set, get) => ({
  status: 'idle',
  persistent: true,
  lessonProgress: {},
  quarantine: [],
  hasActivity: false,

  async init() {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    try {
      const storage = await getStorage();
      const { db, persistent, reason, api } = storage;
      const { liveQuery } = await import('dexie');
      set({ persistent, storageProblem: reason });
      subscription = liveQuery(async () => {
        const progress = api.partitionValid('lessonProgress', await db.lessonProgress.toArray());
        const quarantine = await db.quarantine.toArray();
        // Any review or exam makes a returning learner, even one who has not opened a lesson yet (cheap counts).
        const activity = (await db.reviews.count()) + (await db.examAttempts.count());
        return { progress: progress.records, invalid: progress.invalid, quarantine, activity };
      }).subscribe({
        next: ({ progress, invalid, quarantine, activity }) => {
          set({ status: 'ready', lessonProgress: Object.fromEntries(progress.map((p) => [p.slug, p])), quarantine, hasActivity: activity > 0 || progress.length > 0 });
          quarantineCounted(storage, { lessonProgress: invalid });
        },
        error: (error: unknown) => set({ status: 'error', error: String(error) }),
      });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async visitLesson(slug, progress) {
    const { db, api } = await getStorage();
    await api.recordLessonVisit(db, slug, progress, Date.now());
  },

  async setLessonCompleted(slug, completed) {
    const { db, api } = await getStorage();
    await api.setLessonCompleted(db, slug, completed, Date.now());
  },

  async exportData() {
    const { db, api } = await getFullStorage();
    return api.exportLearnerData(db, Date.now(), 'lambda-ops-lab');
  },

  async readImportFile(text) {
    // The validator (zod) loads only when a learner actually imports a file.
    const { parseExportFile, previewExport } = await import('@/lib/storage/export-format');
    const result = parseExportFile(text);
    return result.ok ? { ok: true, file: result.file, preview: previewExport(result.file) } : result;
  },

  async importData(file) {
    const { db, api } = await getFullStorage();
    await api.importLearnerData(db, file);
  },

  async deleteAll() {
    const { db, api } = await getFullStorage();
    await api.deleteAllLearnerData(db);
  },
}));

export function stopLearnerSync() {
  subscription?.unsubscribe();
}
