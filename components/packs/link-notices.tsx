const NOTICE = 'rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100';

/** The first few ids, so a pack with hundreds of broken links still gets a one-line notice. */
function firstFew(ids: readonly string[]): string {
  return `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;
}

/** Shown before a pack is saved or imported: its links to lessons this app does not have would lead nowhere. */
export function UnknownLessonsNotice({ lessons }: { lessons: readonly string[] }) {
  if (lessons.length === 0) return null;
  return <p className={NOTICE}>Some questions link to lessons this app does not have ({firstFew(lessons)}). Those links will lead to a “page not found”.</p>;
}

/** As for lessons: a “See it happen” link to a scenario neither the pack nor the app has opens a blank simulator. */
export function UnknownSimulationsNotice({ simulations }: { simulations: readonly string[] }) {
  if (simulations.length === 0) return null;
  return <p className={NOTICE}>Some questions link to simulator scenarios that neither this pack nor the app has ({firstFew(simulations)}). Their “See it happen” links will open a blank simulator.</p>;
}
