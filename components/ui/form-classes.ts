/** The settings forms' field styles, in one place so Review, Plan, Browse and Quiz forms look alike. */
export const fieldLabel = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
export const fieldHelp = 'mt-1 text-xs text-slate-600 dark:text-slate-400';
export const fieldInput = 'mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-white';
export const primaryButton =
  'rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-white dark:text-slate-900';
export const secondaryButton = 'rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';
