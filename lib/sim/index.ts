/**
 * Lambda simulator engine: plain TypeScript, deterministic (seeded), no React and no host clock.
 * See docs/scenarios.md for the scenario format and docs/scenario.schema.json for its JSON Schema.
 */
export { runScenario, createSimulation, Simulation, InjectError, injectSchema } from './simulation';
export type { InjectCommand, InjectResult, SimulationOptions, RunOptions } from './simulation';
export { parseScenario, migrateScenarioInput, scenarioSchema, formatScenarioIssues, ScenarioError, LESSON_SLUGS, RUNTIMES, SOURCES, SYNC_SOURCES, ASYNC_SOURCES, POLL_SOURCES } from './schema';
export type { Scenario, ScenarioInput, SourceType, Distribution, Pattern } from './schema';
export { scenarioJsonSchema } from './json-schema';
export { metricAt, evaluatePredict } from './summary';
export { metricAlarmSchema, compositeAlarmSchema, checkMetricAlarm, decideState, stepAlarm, ALARM_METRICS, ALARM_STATES } from './alarms';
export type { MetricAlarmDef, MetricAlarmInput, CompositeAlarmDef, AlarmState, AlarmHistoryItem } from './alarms';
export type { AlarmSummary } from './alarm-runtime';
export type { Summary, Snapshot, TraceEvent, TraceKind, EnvSnapshot, EnvState, FunctionSummary, QueueSummary, StreamSummary, SinkSummary, EventTotals, Outcome } from './types';
export type { LogEvent } from './logs';
export type { MetricSeries } from './metrics';
export { FUNCTION_METRICS, QUEUE_METRICS } from './metrics';
export { PRICE_PER_REQUEST, PRICE_PER_GB_SECOND, FREE_TIER_REQUESTS, FREE_TIER_GB_SECONDS } from './billing';
export { createRng, type Rng } from './rng';
export { EventHeap } from './heap';
