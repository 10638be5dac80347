/**
 * Simulator benchmark (npm run bench:sim [-- --json] [-- --scale 0.1]). Runs, in one process:
 *   (a) one hour of 200 requests/s synchronous traffic against a 1,000 concurrency limit,
 *   (b) an async storm with 50 % failures, retries and a DLQ,
 *   (c) 1,000,000 SQS messages through an event source mapping,
 * and, as the machine's ceiling, a bare event loop over the same typed-array heap doing the same number of
 * events as the largest case. Reports simulated invocations/s, events/s, peak RSS and the ratio to the ceiling.
 * Tracing and logs are off, as in a normal run.
 */
import { createSimulation, EventHeap, type ScenarioInput } from '../lib/sim/index';

interface CaseResult {
  name: string;
  invocations: number;
  events: number;
  seconds: number;
  invocationsPerSec: number;
  eventsPerSec: number;
  /** Events that entered the simulation (requests, async events, messages) per wall-clock second. */
  arrivalsPerSec: number;
  peakRssMb: number;
  ratioToCeiling: number;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const scaleArg = args.indexOf('--scale');
const scale = scaleArg >= 0 ? Number(args[scaleArg + 1]) : 1;
if (!(scale > 0 && scale <= 10)) {
  console.error('--scale must be a number in (0, 10]');
  process.exit(2);
}

let peakRss = 0;
function sampleRss(): void {
  const r = process.memoryUsage().rss;
  if (r > peakRss) peakRss = r;
}

function baseScenario(id: string, durationSeconds: number): Omit<ScenarioInput, 'functions'> {
  return { id, title: id, story: 'Benchmark scenario, not for learners.', lesson: 'concurrency', seed: 42, durationSeconds };
}

function runCase(name: string, scenario: ScenarioInput): Omit<CaseResult, 'ratioToCeiling'> {
  if (global.gc) global.gc();
  peakRss = 0;
  sampleRss();
  const sim = createSimulation(scenario);
  const end = sim.endTime;
  const step = end / 200;
  const t0 = process.hrtime.bigint();
  // Advance in slices so peak memory can be sampled during the run, not only at the end.
  for (let t = step; t < end; t += step) {
    sim.advanceTo(t);
    sampleRss();
  }
  sim.runToEnd();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sampleRss();
  const s = sim.summary({ omitMetrics: true });
  const invocations = Object.values(s.functions).reduce((a, f) => a + f.invocations, 0);
  const events = sim.eventsProcessed;
  return {
    name,
    invocations,
    events,
    seconds: round(seconds, 3),
    invocationsPerSec: Math.round(invocations / seconds),
    eventsPerSec: Math.round(events / seconds),
    arrivalsPerSec: Math.round(s.events.received / seconds),
    peakRssMb: round(peakRss / 1048576, 1),
  };
}

/** The ceiling: pop an event, push a successor at a later time, nothing else. */
function ceiling(events: number): number {
  const heap = new EventHeap(4096);
  let x = 12345;
  const rnd = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 4294967296;
  };
  // A few hundred pending events, like the simulator's steady state.
  for (let i = 0; i < 400; i++) heap.push(rnd() * 1000, 1, i);
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < events; i++) {
    const t = heap.peekTime();
    const r = heap.peekRef();
    heap.pop();
    sink += r;
    heap.push(t + rnd() * 1000, 1, r);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) console.log(sink);
  return Math.round(events / seconds);
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

if (global.gc) global.gc();
// Node, tsx and the loaded modules before any simulation: read peak RSS against this.
const baselineRssMb = round(process.memoryUsage().rss / 1048576, 1);
const hour = 3600 * scale;
const cases: Omit<CaseResult, 'ratioToCeiling'>[] = [];
// The ceiling is measured before and after the cases (best of three each): a single timing of a tight loop
// varies a lot with JIT and CPU frequency, and the ceiling should be the machine's best.
const ceilingRuns: number[] = [];
const CEILING_EVENTS = 1_500_000;
for (let i = 0; i < 3; i++) ceilingRuns.push(ceiling(CEILING_EVENTS));

cases.push(
  runCase('a: 1 h of 200 req/s sync, 1,000 concurrency', {
    ...baseScenario('bench-sync', hour),
    functions: [{ name: 'api', memoryMb: 256, duration: { type: 'lognormal', medianMs: 80, sigma: 0.5 }, failure: { rate: 0.01 } }],
    workloads: [{ source: 'api', target: 'api', pattern: { type: 'poisson', ratePerSecond: 200 } }],
  }),
);

cases.push(
  runCase('b: async storm, 50 % failures, retries, DLQ', {
    ...baseScenario('bench-async', 1800 * scale),
    functions: [
      {
        name: 'worker',
        reservedConcurrency: 50,
        duration: { type: 'exponential', meanMs: 200 },
        failure: { rate: 0.5 },
        async: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600, deadLetterQueue: 'worker-dlq' },
      },
    ],
    queues: [{ name: 'worker-dlq' }],
    workloads: [{ source: 's3', target: 'worker', pattern: { type: 'poisson', ratePerSecond: 150, endSeconds: 1200 * scale } }],
  }),
);

cases.push(
  runCase('c: 1,000,000 SQS messages through a mapping', {
    ...baseScenario('bench-sqs', 7200),
    functions: [{ name: 'consumer', timeoutSeconds: 30, duration: { type: 'uniform', minMs: 20, maxMs: 60 }, failure: { recordFailureRate: 0.001 } }],
    queues: [
      { name: 'jobs', visibilityTimeoutSeconds: 180, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 5 } },
      { name: 'jobs-dlq' },
    ],
    eventSourceMappings: [{ function: 'consumer', queue: 'jobs', batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] }],
    workloads: [{ source: 'sqs', target: 'jobs', pattern: { type: 'burst', atSeconds: 0, count: Math.round(1_000_000 * scale) } }],
  }),
);

const maxEvents = Math.max(CEILING_EVENTS, ...cases.map((c) => c.events));
for (let i = 0; i < 3; i++) ceilingRuns.push(ceiling(maxEvents));
const ceilingEventsPerSec = Math.max(...ceilingRuns);
const results: CaseResult[] = cases.map((c) => ({ ...c, ratioToCeiling: round(c.eventsPerSec / ceilingEventsPerSec, 3) }));

if (asJson) {
  console.log(
    JSON.stringify({
      node: process.version,
      scale,
      baselineRssMb,
      cases: results.map((r) => ({ name: r.name, invocations: r.invocations, events: r.events, seconds: r.seconds, invocationsPerSec: r.invocationsPerSec, eventsPerSec: r.eventsPerSec, arrivalsPerSec: r.arrivalsPerSec, peakRssMb: r.peakRssMb, ratioToCeiling: r.ratioToCeiling })),
      ceilingEventsPerSec,
      ceilingRuns,
    }),
  );
} else {
  console.log(`Lambda simulator benchmark (node ${process.version}, scale ${scale}; RSS before any run ${baselineRssMb} MB)\n`);
  for (const r of results) {
    console.log(r.name);
    console.log(`  ${r.invocations.toLocaleString('en-US')} invocations, ${r.events.toLocaleString('en-US')} events in ${r.seconds} s`);
    console.log(`  ${r.invocationsPerSec.toLocaleString('en-US')} simulated invocations/s, ${r.eventsPerSec.toLocaleString('en-US')} engine events/s, ${r.arrivalsPerSec.toLocaleString('en-US')} arrivals/s, peak RSS ${r.peakRssMb} MB`);
    console.log(`  ${(r.ratioToCeiling * 100).toFixed(1)} % of the bare heap loop's event rate\n`);
  }
  console.log(`Ceiling (bare typed-array heap loop, best of ${ceilingRuns.length} runs of up to ${maxEvents.toLocaleString('en-US')} events): ${ceilingEventsPerSec.toLocaleString('en-US')} events/s`);
  console.log(`  (all runs: ${ceilingRuns.map((r) => r.toLocaleString('en-US')).join(', ')})`);
}
