/**
 * What a terminal shows while xterm.js loads: the height of the terminal it becomes (18 rows, terminal-view.tsx),
 * so the controls below it do not jump when it appears.
 */
export function TerminalLoading() {
  return <div className="flex min-h-[17.625rem] items-center justify-center rounded-xl bg-slate-900 text-sm text-slate-300">Loading terminal…</div>;
}
