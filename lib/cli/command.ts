/** The shape every simulated command shares: its CLI name, API operation, options and what it does. */
import type { ArgValue, GlobalOptions, OptSpec } from './args';
import type { Session } from './session';

export interface CommandContext {
  globals: GlobalOptions;
  positionals: string[];
  /** Lines the command prints itself (besides its response), e.g. nothing for most commands. */
  writeFile: (path: string, content: string) => void;
}

export interface CommandDef {
  service: string;
  name: string;
  operation: string;
  options: readonly OptSpec[];
  positional?: string;
  /** Returns the response object, or undefined for an empty response (no output). */
  run: (s: Session, a: Record<string, ArgValue>, ctx: CommandContext) => unknown;
}

export const str = (a: Record<string, ArgValue>, k: string): string | undefined => (a[k] === undefined ? undefined : String(a[k]));
export const int = (a: Record<string, ArgValue>, k: string): number | undefined => (a[k] === undefined ? undefined : Number(a[k]));
