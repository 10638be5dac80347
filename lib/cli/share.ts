/**
 * Terminal share links. A session is deterministic, so a link carries the command lines, not the state:
 * opening it replays them.
 *
 * Format version 2: { v: 2, lines: string[], steps?: ({ page?: PageDiff } | null)[] }. `steps`, one per line,
 * is there when the terminal was linked to the simulator page: before each line, the parts of the page's run
 * (scenario, seed, triggers, time) that had changed since the previous line, so the replay sees the page
 * exactly as the learner's terminal did (see lib/cli/page-link.ts). Without `steps` the lines replay on a
 * lab's starting account.
 * Version 1 ({ v: 1, lines }, lab links made before the page link existed) opens as version 2 without steps.
 */
import '../zod-config';
import { z } from 'zod';
import { decodePayload, encodePayload, MAX_SHARE_CHARS, ShareError } from '../sim/share';
import { runLine, type CommandResult } from './run';
import { initialState, Session } from './session';
import { LinkedSession, withDiff, type PageDiff, type PagePush, type PageRun } from './page-link';

export const CLI_SHARE_VERSION = 2;
const MAX_LINES = 500;

const line = z.string().max(10_000);
const pageDiffSchema = z
  .object({
    input: z.record(z.string(), z.unknown()).optional(),
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
    injections: z.array(z.object({ t: z.number().min(0), cmd: z.unknown() })).max(5000).optional(),
    t: z.number().min(0).optional(),
  })
  .strict();
const stepSchema = z.object({ page: pageDiffSchema.optional() }).strict().nullable();

const v1Schema = z.object({ v: z.literal(1), lines: z.array(line).max(MAX_LINES) }).strict();
export const cliShareSchema = z
  .object({ v: z.literal(CLI_SHARE_VERSION), lines: z.array(line).max(MAX_LINES), steps: z.array(stepSchema).max(MAX_LINES).optional() })
  .strict()
  .refine((s) => s.steps === undefined || s.steps.length === s.lines.length, 'steps must match lines one to one');
export type CliShare = z.infer<typeof cliShareSchema>;
export type CliShareStep = z.infer<typeof stepSchema>;

/** Older link formats, each to the next. */
export const CLI_SHARE_MIGRATIONS: Record<number, (v: unknown) => unknown> = {
  1: (v) => ({ v: 2, lines: v1Schema.parse(v).lines }),
};

export async function encodeCliShare(lines: string[], opts: { compress?: boolean; steps?: CliShareStep[] } = {}): Promise<string> {
  const from = Math.max(0, lines.length - MAX_LINES);
  const value: CliShare = { v: CLI_SHARE_VERSION, lines: lines.slice(from) };
  // Dropping the oldest steps would lose the page's starting run, so a linked session that long is not trimmed.
  if (opts.steps) {
    if (from > 0) throw new ShareError(`a linked terminal session of more than ${MAX_LINES} commands cannot be shared`);
    value.steps = opts.steps;
  }
  return encodePayload(value, opts);
}

/** Decodes and validates a payload (migrating older versions); throws ShareError with a readable reason. */
export async function decodeCliShare(payload: string): Promise<CliShare> {
  let value = await decodePayload(payload);
  let v = (value as { v?: unknown } | null)?.v;
  while (typeof v === 'number' && v < CLI_SHARE_VERSION && CLI_SHARE_MIGRATIONS[v]) {
    try {
      value = CLI_SHARE_MIGRATIONS[v]!(value);
    } catch {
      throw new ShareError('the link is damaged (it does not hold terminal commands)');
    }
    v = (value as { v?: unknown }).v;
  }
  const r = cliShareSchema.safeParse(value);
  if (!r.success) throw new ShareError('the link is damaged (it does not hold terminal commands)');
  return r.data;
}

/** Whether an encoded link part fits what decodePayload accepts. */
export function fitsShare(payload: string): boolean {
  return payload.length <= MAX_SHARE_CHARS;
}

/** The terminal's part of a simulator share link, or why the link goes without it (said to the learner). */
export type TerminalLinkPart = { payload: string } | { omitted: string };

/**
 * Encodes a page-linked terminal session for a simulator link. A session that cannot travel is left out
 * with a reason rather than silently: the learner would otherwise send a link that opens without their commands.
 */
export async function terminalLinkPart(lines: string[], steps: CliShareStep[]): Promise<TerminalLinkPart | null> {
  if (lines.length === 0) return null;
  if (lines.length > MAX_LINES) return { omitted: `The terminal session is not in the link: it has ${lines.length} commands and a link holds at most ${MAX_LINES}. The run itself is.` };
  const payload = await encodeCliShare(lines, { steps });
  if (!fitsShare(payload)) return { omitted: `The terminal session is not in the link: its ${lines.length} commands are too long for a link. The run itself is.` };
  return { payload };
}

export interface Replayed {
  linked: LinkedSession;
  results: { line: string; result: CommandResult }[];
  /** What the page's run is after the replay (null for an unlinked session). */
  page: PageRun | null;
  pushes: PagePush[];
}

/**
 * Replays a shared session. Linked (with steps): the page's run is rebuilt step by step from the recorded
 * differences and the commands run against it, as they did live. Unlinked: the lines run on `start`.
 */
export function replayCliShare(share: CliShare, start?: Record<string, unknown>): Replayed {
  const steps = share.steps;
  const first = steps?.find((s) => s?.page)?.page;
  const startRun = withDiff(null, first as PageDiff | undefined);
  if (steps && !startRun) throw new ShareError('the link is damaged (the terminal session has no starting run)');
  const linked = new LinkedSession(new Session(initialState(startRun?.input ?? start)));
  const results: Replayed['results'] = [];
  const pushes: PagePush[] = [];
  share.lines.forEach((l, i) => {
    if (steps) linked.before(withDiff(linked.known, (steps[i]?.page as PageDiff | undefined) ?? undefined));
    results.push({ line: l, result: runLine(linked.session, l) });
    if (steps) {
      const p = linked.after();
      if (p) pushes.push(p);
    }
  });
  return { linked, results, page: linked.known, pushes };
}
