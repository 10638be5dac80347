/**
 * Terminal share links. A session is deterministic, so a link carries the command lines, not the state: opening
 * it replays them on the same starting account. Format version 1: { v: 1, lines: string[] } as a share.ts payload.
 */
import '../zod-config';
import { z } from 'zod';
import { decodePayload, encodePayload, ShareError } from '../sim/share';

export const CLI_SHARE_VERSION = 1;
export const cliShareSchema = z.object({ v: z.literal(CLI_SHARE_VERSION), lines: z.array(z.string().max(10_000)).max(500) }).strict();
export type CliShare = z.infer<typeof cliShareSchema>;

export async function encodeCliShare(lines: string[], opts: { compress?: boolean } = {}): Promise<string> {
  return encodePayload({ v: CLI_SHARE_VERSION, lines: lines.slice(-500) } satisfies CliShare, opts);
}

/** Decodes and validates a payload; throws ShareError with a readable reason. */
export async function decodeCliShare(payload: string): Promise<CliShare> {
  const value = await decodePayload(payload);
  const r = cliShareSchema.safeParse(value);
  if (!r.success) throw new ShareError('the link is damaged (it does not hold terminal commands)');
  return r.data;
}
