/**
 * Random durations and arrival patterns. Arrival generators are small state machines: the engine keeps one
 * heap entry per active workload, so a long run at a high rate never holds more than one pending arrival.
 */
import type { Rng } from './rng';
import type { Distribution, Pattern } from './schema';

/** Draws a standard normal value (Box–Muller; two uniforms per call keeps the stream easy to reason about). */
export function sampleStandardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Samples a duration in ms; never negative. */
export function sampleMs(d: Distribution, rng: Rng): number {
  switch (d.type) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * rng.next();
    case 'normal':
      return Math.max(d.minMs ?? 1, d.meanMs + d.sdMs * sampleStandardNormal(rng));
    case 'lognormal':
      return d.medianMs * Math.exp(d.sigma * sampleStandardNormal(rng));
    case 'exponential':
      return -d.meanMs * Math.log(1 - rng.next());
  }
}

/** Mean of a distribution, for docs and sanity checks. */
export function meanMs(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'normal':
      return d.meanMs;
    case 'lognormal':
      return d.medianMs * Math.exp((d.sigma * d.sigma) / 2);
    case 'exponential':
      return d.meanMs;
  }
}

/** A source of arrival times. `time` is the next group of arrivals (Infinity when finished), `count` its size. */
export interface ArrivalGen {
  time: number;
  count: number;
  /** Explicit id of the next group (list patterns), or undefined. */
  id: string | undefined;
  advance(): void;
}

const DONE = Infinity;

/**
 * Builds a generator for a pattern. `startMs` shifts the whole pattern (used by injected traffic);
 * `endMs` is exclusive: nothing arrives at or after it.
 */
export function createArrivals(p: Pattern, rng: Rng, endMs: number, startMs = 0): ArrivalGen {
  switch (p.type) {
    case 'single':
      return once(startMs + p.atSeconds * 1000, 1, endMs);
    case 'constant': {
      const s = startMs + (p.startSeconds ?? 0) * 1000;
      const e = Math.min(endMs, p.endSeconds !== undefined ? startMs + p.endSeconds * 1000 : Infinity);
      return evenly(s, e, p.ratePerSecond);
    }
    case 'poisson': {
      const s = startMs + (p.startSeconds ?? 0) * 1000;
      const e = Math.min(endMs, p.endSeconds !== undefined ? startMs + p.endSeconds * 1000 : Infinity);
      return poisson(s, e, p.ratePerSecond, rng);
    }
    case 'burst':
      return burst(startMs + p.atSeconds * 1000, p.count, p.spreadSeconds * 1000, p.repeatEverySeconds, endMs);
    case 'steps': {
      const steps = p.steps.map((x) => ({ t: startMs + x.atSeconds * 1000, r: x.ratePerSecond }));
      const rateAt = (t: number) => {
        let r = 0;
        for (const s of steps) {
          if (s.t <= t) r = s.r;
          else break;
        }
        return r;
      };
      const nextChange = (t: number) => {
        for (const s of steps) if (s.t > t) return s.t;
        return DONE;
      };
      const maxRate = Math.max(...steps.map((s) => s.r));
      return varying(steps[0]?.t ?? 0, endMs, rateAt, nextChange, maxRate, p.poisson, rng);
    }
    case 'ramp': {
      const s = startMs + p.startSeconds * 1000;
      const rampEnd = startMs + p.endSeconds * 1000;
      const e = Math.min(endMs, rampEnd);
      const rateAt = (t: number) => (t < s || t >= rampEnd ? 0 : p.fromRate + ((p.toRate - p.fromRate) * (t - s)) / (rampEnd - s));
      const nextChange = (t: number) => (t < s ? s : t + 1000);
      return varying(s, e, rateAt, nextChange, Math.max(p.fromRate, p.toRate), p.poisson, rng);
    }
    case 'daily': {
      const day = p.dayLengthSeconds * 1000;
      const rateAt = (t: number) => {
        const hour = (((t - startMs) / day) * 24) % 24;
        return p.minRate + ((p.maxRate - p.minRate) * (1 + Math.cos((2 * Math.PI * (hour - p.peakHour)) / 24))) / 2;
      };
      return varying(startMs, endMs, rateAt, (t) => t + day / 1440, Math.max(p.minRate, p.maxRate), p.poisson, rng);
    }
    case 'list': {
      const items = p.events
        .map((x, i) => ({ t: startMs + x.atSeconds * 1000, count: x.count ?? 1, id: x.id, i }))
        .sort((a, b) => a.t - b.t || a.i - b.i)
        .filter((x) => x.t < endMs);
      let k = 0;
      const g: ArrivalGen = {
        time: items[0]?.t ?? DONE,
        count: items[0]?.count ?? 0,
        id: items[0]?.id,
        advance() {
          k++;
          const it = items[k];
          g.time = it ? it.t : DONE;
          g.count = it ? it.count : 0;
          g.id = it?.id;
        },
      };
      return g;
    }
  }
}

function once(t: number, count: number, endMs: number): ArrivalGen {
  const g: ArrivalGen = {
    time: t < endMs ? t : DONE,
    count,
    id: undefined,
    advance() {
      g.time = DONE;
    },
  };
  return g;
}

function evenly(s: number, e: number, ratePerSecond: number): ArrivalGen {
  if (ratePerSecond <= 0 || s >= e) return once(DONE, 0, 0);
  const interval = 1000 / ratePerSecond;
  let k = 0;
  const g: ArrivalGen = {
    time: s,
    count: 1,
    id: undefined,
    advance() {
      k++;
      // Index-based rather than accumulated, so rounding never drifts over a long run.
      const t = s + k * interval;
      g.time = t < e ? t : DONE;
    },
  };
  return g;
}

function poisson(s: number, e: number, ratePerSecond: number, rng: Rng): ArrivalGen {
  if (ratePerSecond <= 0 || s >= e) return once(DONE, 0, 0);
  const mean = 1000 / ratePerSecond;
  const first = s - mean * Math.log(1 - rng.next());
  const g: ArrivalGen = {
    time: first < e ? first : DONE,
    count: 1,
    id: undefined,
    advance() {
      const t = g.time - mean * Math.log(1 - rng.next());
      g.time = t < e ? t : DONE;
    },
  };
  return g;
}

function burst(at: number, count: number, spreadMs: number, repeatSeconds: number | undefined, endMs: number): ArrivalGen {
  const repeat = repeatSeconds !== undefined ? repeatSeconds * 1000 : Infinity;
  const perGroup = spreadMs > 0 ? 1 : count;
  const step = spreadMs > 0 ? spreadMs / count : 0;
  let round = 0;
  let i = 0;
  const g: ArrivalGen = {
    time: at < endMs ? at : DONE,
    count: perGroup,
    id: undefined,
    advance() {
      i += perGroup;
      if (i >= count) {
        i = 0;
        round++;
        if (!Number.isFinite(repeat)) {
          g.time = DONE;
          return;
        }
      }
      // round is 0 until a repeat (repeat may be Infinity, and 0 × Infinity is NaN).
      const t = at + (round > 0 ? round * repeat : 0) + i * step;
      g.time = t < endMs ? t : DONE;
    },
  };
  return g;
}

/**
 * Time-varying rate. Deterministic arrivals step by 1/rate evaluated at the midpoint of the step; Poisson
 * arrivals use thinning (exact for a non-homogeneous Poisson process).
 */
function varying(
  s: number,
  e: number,
  rateAt: (t: number) => number,
  nextChange: (t: number) => number,
  maxRate: number,
  isPoisson: boolean,
  rng: Rng,
): ArrivalGen {
  if (maxRate <= 0 || s >= e) return once(DONE, 0, 0);
  const nextFrom = (t: number): number => {
    if (isPoisson) {
      const mean = 1000 / maxRate;
      for (let guard = 0; guard < 1_000_000; guard++) {
        t -= mean * Math.log(1 - rng.next());
        if (t >= e) return DONE;
        if (rng.next() * maxRate < rateAt(t)) return t;
      }
      return DONE;
    }
    for (let guard = 0; guard < 1_000_000; guard++) {
      if (t >= e) return DONE;
      const r = rateAt(t);
      if (r <= 0) {
        const c = nextChange(t);
        if (c <= t || !Number.isFinite(c)) return DONE;
        t = c;
        // A segment whose rate turns positive starts with an arrival.
        if (rateAt(t) > 0) return t < e ? t : DONE;
        continue;
      }
      const dt0 = 1000 / r;
      const rMid = rateAt(t + dt0 / 2);
      const next = t + (rMid > 0 ? 1000 / rMid : dt0);
      if (next >= e) return DONE;
      // Landing where the rate is zero (a step down to 0) means no arrival there: look for the next segment.
      if (rateAt(next) <= 0) {
        t = next;
        continue;
      }
      return next;
    }
    return DONE;
  };
  // The first arrival is at the start when the rate is already positive there.
  let first: number;
  if (isPoisson) first = nextFrom(s);
  else if (rateAt(s) > 0) first = s;
  else first = nextFrom(s);
  const g: ArrivalGen = {
    time: first,
    count: 1,
    id: undefined,
    advance() {
      g.time = nextFrom(g.time);
    },
  };
  return g;
}
