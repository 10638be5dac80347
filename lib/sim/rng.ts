/**
 * The simulator's names for the seeded generators in lib/random.ts (the one implementation). Kept as an alias
 * so lib/sim's imports stay as they are; new code imports lib/random directly.
 */
export { createStreamRng as createRng, hash32, uuidFor, type StreamRng as Rng } from '../random';
