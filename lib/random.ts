/**
 * Seeded randomness, the one module for it. Nothing in lib/ calls Math.random: every function that shuffles,
 * samples or simulates takes a generator made here, so a seed replays the same run (a quiz's option order
 * survives a reload, an exam draw is reproducible, a scenario and a seed always give the same simulation).
 * lib/__tests__/random.test.ts pins the output of every generator: changing one changes every replay.
 *
 * Two generators, kept for their outputs: mulberry32 (`createRng`, a function) for quizzes and exams, and
 * xoshiro128** (`createStreamRng`, named streams) for the simulator.
 */
export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for shuffling and sampling (not for cryptography). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a string (a lesson slug, an attempt id, a stream name such as "fn:orders") into a 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A generator of uniform numbers in [0, 1). Each simulator component gets its own stream. */
export interface StreamRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
}

/** splitmix32 step: a good mixer for turning (seed, stream) pairs into independent starting states. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a seed and any number of integers into one 32-bit value (order-sensitive). */
export function hash32(seed: number, ...parts: number[]): number {
  let h = mix32(seed >>> 0);
  for (const p of parts) h = mix32((h ^ (p >>> 0)) >>> 0);
  return h;
}

/**
 * xoshiro128** by Blackman and Vigna: fast, small state, and good enough statistics for a teaching simulator.
 * Independent streams come from hashing (seed, stream name), not from jumping, which keeps streams stable
 * when a scenario gains a workload or function.
 */
export class Xoshiro128 implements StreamRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    this.a = s = mix32(s);
    this.b = s = mix32(s);
    this.c = s = mix32(s);
    this.d = mix32(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A generator for one named stream of a seeded run. */
export function createStreamRng(seed: number, stream = ''): StreamRng {
  return new Xoshiro128(stream === '' ? seed >>> 0 : hash32(seed, hashSeed(stream)));
}

const HEX = '0123456789abcdef';

/**
 * A UUID-shaped id (version 4 layout) derived from the seed, a kind and a counter. Counter-based rather than
 * drawn from a stream, so turning logs on or off never changes what the simulation does.
 */
export function uuidFor(seed: number, kind: number, n: number): string {
  let out = '';
  for (let w = 0; w < 4; w++) {
    let v = hash32(seed, kind, n, w);
    if (w === 1) v = (v & 0xffff0fff) | 0x00004000; // version nibble 4
    if (w === 2) v = (v & 0x3fffffff) | 0x80000000; // variant 10xx
    for (let i = 7; i >= 0; i--) {
      out += HEX[(v >>> (i * 4)) & 15];
      const pos = w * 8 + (7 - i) + 1;
      if (pos === 8 || pos === 12 || pos === 16 || pos === 20) out += '-';
    }
  }
  return out;
}
