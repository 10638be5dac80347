/**
 * The learner database as every page opens it: the core stores (lessons, settings, review cards and log, exam
 * attempts). Packs, export and import are in ./full, which adds the pack stores' schemas and the simulator's
 * they include; most pages never read a pack, so they never evaluate those.
 */
export * from './db';
export * from './records';
export * from './validated';
export * from './exam-data';
export * from './lesson-data';
