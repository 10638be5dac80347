/**
 * The whole learner database: the core entry (./index) plus imported packs, export and import. Its validated
 * reads cover every store, the pack stores included, so they take the place of the core entry's.
 */
export * from './index';
export * from './export-format';
export * from './learner-data';
export * from './pack-records';
export * from './pack-data';
export { partitionAnyValid as partitionValid, readAnyValidated as readValidated } from './pack-records';
