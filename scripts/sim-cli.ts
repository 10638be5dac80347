/**
 * Runs a simulator scenario from the command line.
 *
 *   npm run sim -- content/scenarios/throttle-storm-reserved.json
 *   npm run sim -- my-scenario.json --json --logs
 *
 * Options: --json (one JSON object), --logs (include log lines), --trace (print the narration),
 * --seed N (override the seed), --period S (metric period in seconds), --no-metrics (JSON without series).
 * Invalid input exits with status 1 and a readable message, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { createSimulation, ScenarioError, type Summary } from '../lib/sim/index';
import { formatDuration } from '../lib/sim/time';

const USAGE = `usage: npm run sim -- <scenario.json> [--json] [--logs] [--trace] [--seed N] [--period SECONDS] [--no-metrics]`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

interface CliArgs {
  file: string;
  json: boolean;
  logs: boolean;
  trace: boolean;
  metrics: boolean;
  seed?: number;
  period?: number;
}

function parseArgs(argv: string[]): CliArgs {
  const out: Partial<CliArgs> & { json: boolean; logs: boolean; trace: boolean; metrics: boolean } = { json: false, logs: false, trace: false, metrics: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--logs') out.logs = true;
    else if (a === '--trace') out.trace = true;
    else if (a === '--no-metrics') out.metrics = false;
    else if (a === '--seed' || a === '--period') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) fail(`${a} needs a non-negative number\n${USAGE}`, 2);
      if (a === '--seed') {
        if (!Number.isInteger(v) || v > 4_294_967_295) fail(`--seed must be an integer from 0 to 4294967295`, 2);
        out.seed = v;
      } else {
        if (v < 0.1 || v > 3600) fail('--period must be between 0.1 and 3600 seconds', 2);
        out.period = v;
      }
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else if (out.file === undefined) out.file = a;
    else fail(`only one scenario file, please\n${USAGE}`, 2);
  }
  if (out.file === undefined) fail(USAGE, 2);
  return out as CliArgs;
}

const int = (n: number) => n.toLocaleString('en-US');
const usd = (n: number) => `$${n < 0.01 ? n.toPrecision(3) : n.toFixed(4)}`;
const ms = (n: number | null) => (n === null ? '–' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

function reasons(r: Record<string, number>): string {
  return Object.entries(r)
    .map(([k, v]) => `${k} ${int(v)}`)
    .join(', ');
}

function printText(s: Summary, traceLines: string[]): void {
  const out: string[] = [];
  out.push(`${s.scenario.title} (${s.scenario.id}, seed ${s.scenario.seed}, ${s.scenario.simulatedSeconds} s simulated)`);
  out.push('');
  out.push('Functions');
  for (const [name, f] of Object.entries(s.functions)) {
    out.push(`  ${name}`);
    out.push(`    invocations ${int(f.invocations)}  errors ${int(f.errors)} (timeouts ${int(f.timeouts)})  throttles ${int(f.throttles)}`);
    out.push(`    cold starts ${int(f.coldStarts)}  warm starts ${int(f.warmStarts)}  max concurrency ${int(f.maxConcurrency)}${f.provisionedSpillover ? `  provisioned spillover ${int(f.provisionedSpillover)}` : ''}`);
    out.push(`    duration avg ${ms(f.durationAvgMs)}  billed ${int(f.billedMs)} ms  ${f.gbSeconds} GB-s  cost ${usd(f.costUsd)}`);
    out.push(`    environments avg ${f.environments.average}  peak ${int(f.environments.peak)}  utilisation ${Math.round(f.environments.utilisation * 100)} %${f.recursiveInvocationsDropped ? `  RecursiveInvocationsDropped ${int(f.recursiveInvocationsDropped)}` : ''}`);
    if (f.asyncEventsReceived) out.push(`    async events received ${int(f.asyncEventsReceived)}  dropped ${int(f.asyncEventsDropped)}${f.deadLetterErrors ? `  DeadLetterErrors ${f.deadLetterErrors}` : ''}${f.destinationDeliveryFailures ? `  DestinationDeliveryFailures ${f.destinationDeliveryFailures}` : ''}`);
    if (f.maxIteratorAgeMs !== null) out.push(`    max IteratorAge ${ms(f.maxIteratorAgeMs)}`);
    if (Object.keys(f.throttleReasons).length) out.push(`    throttle reasons: ${reasons(f.throttleReasons)}`);
    const vers = Object.entries(f.versions);
    if (vers.length > 1) out.push(`    by version: ${vers.map(([v, x]) => `${v}: ${int(x.invocations)} inv, ${int(x.errors)} err`).join('; ')}`);
  }
  const ev = s.events;
  out.push('');
  out.push(`Events: ${int(ev.received)} received (${reasons(ev.bySource) || 'none'})`);
  out.push(`  succeeded ${int(ev.succeeded)} · to DLQ ${int(ev.toDlq)} · to destination ${int(ev.toDestination)} · dropped ${int(ev.dropped)} · pending ${int(ev.pending)}`);
  if (Object.keys(ev.toDlqReasons).length) out.push(`  to DLQ: ${reasons(ev.toDlqReasons)}`);
  if (Object.keys(ev.toDestinationReasons).length) out.push(`  to destination: ${reasons(ev.toDestinationReasons)}`);
  if (Object.keys(ev.droppedReasons).length) out.push(`  dropped: ${reasons(ev.droppedReasons)}`);
  if (Object.keys(ev.pendingWhere).length) out.push(`  pending: ${reasons(ev.pendingWhere)}`);
  if (Object.keys(s.queues).length) {
    out.push('');
    out.push('Queues');
    for (const [name, q] of Object.entries(s.queues))
      out.push(
        `  ${name}${q.isDeadLetterQueue ? ' (DLQ)' : ''}: depth ${int(q.depth)}, in flight ${int(q.inFlight)}, sent ${int(q.sent)}, received ${int(q.received)}, deleted ${int(q.deleted)}, redriven ${int(q.redriven)}${q.duplicateDeliveries ? `, processed twice ${int(q.duplicateDeliveries)}` : ''}`,
      );
  }
  if (Object.keys(s.streams).length) {
    out.push('');
    out.push('Streams');
    for (const [name, st] of Object.entries(s.streams))
      out.push(`  ${name} (${st.type}, ${st.shards} shard${st.shards === 1 ? '' : 's'}): ${int(st.records)} records, processed ${int(st.processed)}, skipped ${int(st.skipped)}, pending ${int(st.pending)}, max IteratorAge ${ms(st.maxIteratorAgeMs)}`);
  }
  const sinks = Object.entries(s.sinks).filter(([, k]) => k.received + k.rejected > 0);
  if (sinks.length) {
    out.push('');
    out.push('DLQs and destinations');
    for (const [name, k] of sinks) {
      out.push(`  ${name} (${k.type}): ${int(k.received)} received${k.rejected ? `, ${int(k.rejected)} rejected` : ''}`);
      if (k.samples.length) out.push(`    first: ${JSON.stringify(k.samples[0])}`);
    }
  }
  if (s.alarms.length) {
    out.push('');
    out.push('Alarms');
    for (const a of s.alarms) {
      const what = a.type === 'composite' ? `composite: ${a.alarmRule}` : `${a.metric!.expression ?? `${a.metric!.statistic} of ${a.metric!.metricName}`} ${a.comparisonOperator} ${a.threshold} (${a.datapointsToAlarm} of ${a.evaluationPeriods} × ${a.periodSeconds} s)`;
      out.push(`  ${a.name}: ${a.state}  [${what}]`);
      for (const h of a.history) out.push(`    ${formatDuration(h.t)}  ${h.oldState} -> ${h.newState}: ${h.reason}`);
    }
  }
  out.push('');
  out.push(`Cost: ${usd(s.cost.totalUsd)} (requests ${usd(s.cost.requestUsd)} + compute ${usd(s.cost.computeUsd)}${s.cost.freeTierApplied ? ', after the free tier' : ''})`);
  if (s.warnings.length) {
    out.push('');
    out.push('Warnings');
    for (const w of s.warnings) out.push(`  ! ${w}`);
  }
  if (s.predict) {
    out.push('');
    out.push(`Predict: ${s.predict.question}`);
    out.push(`  ${s.predict.metric} = ${s.predict.value ?? 'n/a'}; the scenario's answer ${s.predict.correctChoice !== undefined ? `is choice ${s.predict.answer}` : `is ${s.predict.answer}`}: ${s.predict.correct ? 'matches' : 'DOES NOT match'} the run`);
  }
  if (traceLines.length) {
    out.push('');
    out.push('Trace');
    for (const l of traceLines) out.push(`  ${l}`);
  }
  if (s.logs) {
    out.push('');
    out.push(`Logs${s.logsTruncated ? ` (first ${int(s.logsTruncated)} lines dropped)` : ''}`);
    for (const l of s.logs) out.push(`  ${l.timestamp} ${l.logGroup} ${l.message.replace(/\t/g, ' ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): void {
  // `npm run sim -- x.json | head` closes the pipe early: stop quietly instead of printing an EPIPE stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    fail(`cannot write output: ${err.message}`);
  });
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    fail(`cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  // Editors on Windows often save UTF-8 with a byte-order mark; JSON.parse rejects it, so drop it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(`${args.file} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    const sim = createSimulation(json, {
      seed: args.seed,
      logs: args.logs ? { capacity: 2_000_000 } : false,
      trace: args.trace ? { capacity: 200_000 } : false,
      metricPeriodSeconds: args.period,
    });
    sim.runToEnd();
    const summary = sim.summary({ includeLogs: args.logs, omitMetrics: !args.metrics });
    if (args.json) {
      const out: Record<string, unknown> = { ...summary };
      if (args.trace) out.trace = sim.eventsSince(0, Infinity).events;
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      const lines = args.trace ? sim.eventsSince(0, Infinity).events.map((e) => `[${formatDuration(e.t)}] ${e.text}`) : [];
      printText(summary, lines);
    }
  } catch (err) {
    if (err instanceof ScenarioError) fail(`${args.file} is not a valid scenario:\n${err.issues.map((i) => `  ${i.replace(/^scenario: /, '')}`).join('\n')}`);
    fail(`simulation failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

main();
