/**
 * Share links for the simulator page: the whole run (preset, scenario, seed and the moment the link was
 * made) in a URL query string, so a learner or an instructor can send a link that reopens the same state.
 *
 * Format (all parameters optional):
 *   preset=<id>   the preset the run started from (its story and prediction question are shown)
 *   seed=<n>      the RNG seed (overrides the scenario's)
 *   t=<ms>        virtual time to replay to, then pause
 *   c=<payload>   the scenario JSON when it differs from the preset: "z" + base64url(deflate-raw(JSON)),
 *                 or "j" + base64url(JSON) where CompressionStream is missing
 *   i=<payload>   the learner's manual triggers so far ({ t, cmd } inject commands), same encoding; replaying
 *                 them at the same virtual times reproduces the run exactly (the engine is deterministic)
 *   term=<payload> the page's terminal session (lib/cli/share.ts, format 2, with its steps), replayed on opening;
 *                 links without it (every link made before the terminal) open with a fresh terminal
 *
 * Dependency-free: CompressionStream exists in every current browser and in Node 20. The payload is
 * untrusted input, so decoding caps its size and the caller still validates it with parseScenario.
 */

import { parseJsonGuarded } from '../json-guard';
import { fromBase64Url, hasCompression, pipeBytes, toBase64Url } from '../url-bytes';

export interface ShareState {
  preset?: string;
  /** Scenario JSON (validated by the caller). Omitted when it is exactly the preset's. */
  scenario?: unknown;
  seed?: number;
  /** Virtual milliseconds. */
  t?: number;
  /** Manual triggers in order: { t: virtual ms, cmd: inject command } (validated by the caller). */
  injections?: unknown[];
  /** The terminal session's payload, passed through as it is (decoded and validated by lib/cli/share.ts). */
  terminal?: string;
}

/** Largest payload accepted, before and after decompression: a preset is a few KB. */
export const MAX_SHARE_CHARS = 64_000;
export const MAX_SCENARIO_BYTES = 512_000;
/** Scenarios nest about 6 levels; deeper JSON is refused before anything walks it (see lib/json-guard.ts). */
export const MAX_SCENARIO_DEPTH = 32;

const PRESET_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class ShareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareError';
  }
}


/** Encodes a JSON value as a URL-safe payload. */
export async function encodePayload(value: unknown, opts: { compress?: boolean } = {}): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if ((opts.compress ?? true) && hasCompression()) {
    const packed = await pipeBytes(bytes, new CompressionStream('deflate-raw'), Infinity);
    if (packed !== 'too-large') return 'z' + toBase64Url(packed);
  }
  return 'j' + toBase64Url(bytes);
}

/** Decodes a payload made by encodePayload. Throws ShareError with a learner-readable reason. */
export async function decodePayload(payload: string): Promise<unknown> {
  if (payload.length > MAX_SHARE_CHARS) throw new ShareError('the scenario in the link is too large');
  const kind = payload[0];
  const decoded = fromBase64Url(payload.slice(1));
  if (!decoded.ok) {
    throw new ShareError(decoded.reason === 'characters' ? 'the link is damaged (unexpected characters in the scenario)' : 'the link is damaged (the scenario is not valid base64)');
  }
  const raw = decoded.bytes;
  let bytes: Uint8Array;
  if (kind === 'z') {
    if (!hasCompression()) throw new ShareError('this browser cannot read compressed links');
    let inflated: Uint8Array | 'too-large';
    try {
      inflated = await pipeBytes(raw, new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES);
    } catch {
      throw new ShareError('the link is damaged (the scenario does not decompress)');
    }
    if (inflated === 'too-large') throw new ShareError('the scenario in the link is too large');
    bytes = inflated;
  } else if (kind === 'j') {
    if (raw.length > MAX_SCENARIO_BYTES) throw new ShareError('the scenario in the link is too large');
    bytes = raw;
  } else throw new ShareError('the link is damaged (unknown scenario format)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError('the link is damaged (the scenario is not valid UTF-8 text)');
  }
  const json = parseJsonGuarded(text, { maxChars: MAX_SCENARIO_BYTES, maxDepth: MAX_SCENARIO_DEPTH });
  if (json.ok) return json.value;
  if (json.reason === 'too-deep') throw new ShareError(`the scenario in the link is nested more than ${MAX_SCENARIO_DEPTH} levels deep; a scenario needs about 6`);
  if (json.reason === 'too-large') throw new ShareError('the scenario in the link is too large');
  throw new ShareError('the link is damaged (the scenario is not valid JSON)');
}

/** The query string (without "?") for a share state. Parameters are written in a fixed order. */
export async function encodeShare(state: ShareState, opts: { compress?: boolean } = {}): Promise<string> {
  const params = new URLSearchParams();
  if (state.preset !== undefined) {
    if (!PRESET_RE.test(state.preset)) throw new ShareError(`"${state.preset}" is not a preset id`);
    params.set('preset', state.preset);
  }
  if (state.seed !== undefined) params.set('seed', String(state.seed >>> 0));
  // Full precision: the replay must stop exactly where the link was made, or events due in the rounding gap run.
  if (state.t !== undefined && state.t > 0) params.set('t', String(state.t));
  if (state.scenario !== undefined) params.set('c', await encodePayload(state.scenario, opts));
  if (state.injections !== undefined && state.injections.length > 0) params.set('i', await encodePayload(state.injections, opts));
  if (state.terminal !== undefined) params.set('term', state.terminal);
  return params.toString();
}

/**
 * Reads a share state from a query string ("?a=b" or "a=b"). Unknown parameters are ignored; a bad value
 * throws ShareError naming it, so the page can say what is wrong with the link instead of failing silently.
 */
export async function decodeShare(search: string): Promise<ShareState> {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: ShareState = {};
  const preset = params.get('preset');
  if (preset !== null) {
    if (!PRESET_RE.test(preset)) throw new ShareError(`"${preset}" is not a preset id`);
    state.preset = preset;
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (!/^\d{1,10}$/.test(seed) || Number(seed) > 4_294_967_295) throw new ShareError(`seed "${seed}" is not a whole number from 0 to 4,294,967,295`);
    state.seed = Number(seed);
  }
  const t = params.get('t');
  if (t !== null) {
    if (t.length > 32 || !/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t) || !Number.isFinite(Number(t))) throw new ShareError(`time "${t}" is not a number of milliseconds`);
    state.t = Number(t);
  }
  const c = params.get('c');
  if (c !== null) state.scenario = await decodePayload(c);
  const i = params.get('i');
  if (i !== null) {
    const list = await decodePayload(i);
    if (!Array.isArray(list)) throw new ShareError('the link is damaged (the triggers are not a list)');
    state.injections = list;
  }
  const term = params.get('term');
  if (term !== null) {
    if (term.length > MAX_SHARE_CHARS || !/^[zj][A-Za-z0-9_-]*$/.test(term)) throw new ShareError('the link is damaged (unexpected characters in the terminal session)');
    state.terminal = term;
  }
  return state;
}

/** Stable JSON (object keys sorted) for comparing two scenarios structurally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}
