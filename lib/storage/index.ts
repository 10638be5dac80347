export * from './db';
export * from './records';
export * from './validated';
export * from './export-format';
export * from './learner-data';
export * from './pack-records';
export * from './pack-data';
export * from './exam-data';
