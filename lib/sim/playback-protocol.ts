/**
 * Messages between the simulator store (main thread) and the simulation worker. Everything is plain,
 * structured-cloneable data; the engine itself never leaves the worker.
 */
import type { InjectCommand } from '@/lib/sim/simulation';
import type { LaneChunk, SlotInfo } from '@/lib/sim/lanes';
import type { LogEvent } from '@/lib/sim/logs';
import type { MetricSeries } from '@/lib/sim/metrics';
import type { Scenario } from '@/lib/sim/schema';
import type { EnvSnapshot, SinkSummary, Snapshot, Summary, TraceEvent } from '@/lib/sim/types';
import type { AlarmSummary } from '@/lib/sim/alarm-runtime';

/** A manual trigger the learner pressed, with the virtual time it happened (replayed for share links). */
export interface Injection {
  t: number;
  cmd: InjectCommand;
}

export type ToWorker =
  | {
      type: 'load';
      scenario: unknown;
      seed: number;
      /** Replayed in order before the run is shown. */
      injections: Injection[];
      /** Replay to this virtual time (ms), then pause. */
      runTo: number;
      /** Function whose environments the lanes show. */
      lanesFn: number;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: number }
  /** Advance to the next scheduled event that changes something visible, then pause. */
  | { type: 'step' }
  /** Jump to a virtual time (ms), forward or back (back replays from the start), then pause. */
  | { type: 'seek'; t: number }
  | { type: 'inject'; id: number; cmd: InjectCommand }
  | { type: 'lanes-function'; fn: number }
  /** Include the environment list in frames (for the table view). */
  | { type: 'want-envs'; want: boolean }
  /** Check a scenario without running it (the configuration editor). */
  | { type: 'validate'; id: number; scenario: unknown };

export interface CostLineView {
  function: string;
  requests: number;
  gbSeconds: number;
  architecture: 'x86_64' | 'arm64';
}

export interface CostView {
  lines: CostLineView[];
  requests: number;
  gbSeconds: number;
  /** Without the free tier. */
  list: { requestUsd: number; computeUsd: number; totalUsd: number };
  /** After the monthly free tier (1M requests, 400,000 GB-s). */
  free: { requestUsd: number; computeUsd: number; totalUsd: number };
}

export interface EnvCounts {
  init: number;
  busy: number;
  idle: number;
  provisioned: number;
}

export interface LaneUpdate {
  fn: number;
  /** True when the main thread must drop what it has (new run or another function). */
  reset: boolean;
  cols: number;
  colMs: number;
  chunk: LaneChunk | null;
  /** Slot assignments since the last frame (all live ones after a reset). */
  slots: SlotInfo[];
}

/** A snapshot with the environment lists taken out (they travel as lanes). */
export type SnapshotLite = Omit<Snapshot, 'functions'> & {
  functions: (Omit<Snapshot['functions'][number], 'envs'> & { envCounts: EnvCounts })[];
};

export interface Frame {
  playing: boolean;
  speed: number;
  /** Virtual ms per real ms actually achieved over the last second (lower than speed when the engine cannot keep up). */
  actualSpeed: number;
  snapshot: SnapshotLite;
  lanes: LaneUpdate;
  /** Environments of the lanes function, only while the table view asks for them. */
  envs: EnvSnapshot[] | null;
  /** Newest trace events since the last frame (at most a few hundred). */
  trace: TraceEvent[];
  /** Trace events produced since the last frame but not sent (too many at this speed). */
  traceSkipped: number;
  logs: LogEvent[];
  logsSkipped: number;
  /** Refreshed a few times a second, and on pause. */
  metrics: MetricSeries | null;
  cost: CostView | null;
  sinks: Record<string, SinkSummary> | null;
  /** Fates with their reasons (refreshed with the metrics). */
  eventDetail: Summary['events'] | null;
  /** The final summary once the run reaches its end (for the prediction and the totals). */
  summary: Summary | null;
  /** When the next scheduled event is due (null: nothing scheduled). */
  nextEventAt: number | null;
  injections: Injection[];
  /** Alarm states, datapoints and histories (refreshed with the metrics, and when paused). */
  alarms: AlarmSummary[] | null;
  /** True while the trace and logs are sampled (high speed): lists are samples, counters are complete. */
  sampling: boolean;
}

export type FromWorker =
  | { type: 'loaded'; scenario: Scenario; seed: number; metricPeriodSeconds: number }
  /** A scrub back: the worker replays from the start, so the page drops what it holds and takes new frames. */
  | { type: 'rewound'; t: number }
  | { type: 'frame'; frame: Frame }
  | { type: 'inject-result'; id: number; ok: boolean; message: string; firstEventId?: string }
  | { type: 'validation'; id: number; issues: string[] }
  | { type: 'error'; message: string; issues: string[] };

/** Speeds offered in the UI: virtual seconds per real second. */
export const SPEEDS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;

/** Real seconds a run should take at the default pace: long enough to follow, short enough to wait for. */
export const TARGET_RUN_SECONDS = 30;

/**
 * The default speed for a scenario: the fastest offered speed at which the run still takes at least about
 * TARGET_RUN_SECONDS, so a 90-second preset plays at 2× (45 s), not in a blur.
 */
export function defaultSpeedFor(durationSeconds: number): number {
  let pick: number = SPEEDS[0];
  for (const s of SPEEDS) if (durationSeconds / s >= TARGET_RUN_SECONDS) pick = s;
  return pick;
}
