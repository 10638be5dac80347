import type { Metadata } from 'next';
import { DataManager } from '@/components/data/data-manager';
import { PersistentStorage } from '@/components/data/persistent-storage';
import { ThemePicker } from '@/components/theme/theme-picker';

export const metadata: Metadata = { title: 'Settings and your data' };

export default function SettingsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Settings</h1>
      <section aria-labelledby="appearance-heading" className="mt-8">
        <h2 id="appearance-heading" className="text-xl font-semibold text-slate-900 dark:text-white">Appearance</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">System follows your device&apos;s light or dark setting.</p>
        <div className="mt-3">
          <ThemePicker />
        </div>
      </section>
      <section aria-labelledby="offline-heading" className="mt-12">
        <h2 id="offline-heading" className="mb-3 text-xl font-semibold text-slate-900 dark:text-white">Offline and storage</h2>
        <PersistentStorage />
      </section>
      <section aria-labelledby="data-heading" className="mt-12">
        <h2 id="data-heading" className="mb-3 text-xl font-semibold text-slate-900 dark:text-white">Your data</h2>
        <DataManager />
      </section>
    </div>
  );
}
