import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';

const scenario = {
  id: 'page-api',
  title: 'Page API',
  story: 'Checks the incremental API the simulator page relies on.',
  lesson: 'concurrency',
  durationSeconds: 60,
  functions: [{ name: 'fn', duration: { type: 'fixed', ms: 100 } }],
  workloads: [{ name: 'req', source: 'api', target: 'fn', pattern: { type: 'list', events: [{ atSeconds: 2 }, { atSeconds: 5 }] } }],
};

describe('Simulation.nextEventTime (the page step control)', () => {
  it('reports the earliest scheduled event, and stepping to it processes it', () => {
    const sim = createSimulation(scenario, { trace: true });
    expect(sim.nextEventTime()).toBe(2000);
    sim.advanceTo(sim.nextEventTime()!);
    expect(sim.now).toBe(2000);
    expect(sim.snapshot().events.received).toBe(1);
    // Next: the end of that invocation (INIT plus 100 ms), before the second request at 5 s.
    const t = sim.nextEventTime()!;
    expect(t).toBeGreaterThan(2000);
    expect(t).toBeLessThan(5000);
  });

  it('is null when nothing is scheduled', () => {
    expect(createSimulation({ ...scenario, workloads: [] }).nextEventTime()).toBeNull();
  });
});

describe('Simulation.setRecording (sampling at high speed)', () => {
  const busy = {
    ...scenario,
    id: 'page-recording',
    durationSeconds: 30,
    functions: [{ name: 'fn', reservedConcurrency: 3, duration: { type: 'lognormal', medianMs: 400, sigma: 0.5 }, failure: { rate: 0.1 }, async: { deadLetterQueue: 'dlq' } }],
    queues: [{ name: 'dlq' }],
    workloads: [
      { name: 'req', source: 'api', target: 'fn', pattern: { type: 'poisson', ratePerSecond: 12 } },
      { name: 'up', source: 's3', target: 'fn', pattern: { type: 'poisson', ratePerSecond: 2 } },
    ],
  };

  it('changes nothing but what is recorded', () => {
    const plain = createSimulation(busy, { trace: true, logs: true });
    plain.runToEnd();
    const toggled = createSimulation(busy, { trace: true, logs: true });
    for (let t = 0; t < 30_000; t += 500) {
      toggled.setRecording({ trace: t % 1000 === 0, logs: t % 1500 === 0 });
      toggled.advanceTo(t + 500);
    }
    const a = plain.summary();
    const b = toggled.summary();
    expect(b.functions).toEqual(a.functions);
    expect(b.events).toEqual(a.events);
    expect(b.metrics).toEqual(a.metrics);
    expect(toggled.snapshot()).toEqual(plain.snapshot());
    expect(toggled.eventsSince(0, 1e9).events.length).toBeLessThan(plain.eventsSince(0, 1e9).events.length);
  });

  it('records nothing while off and resumes when on', () => {
    const sim = createSimulation(busy, { trace: true, logs: true });
    sim.setRecording({ trace: false, logs: false });
    sim.advanceTo(5000);
    expect(sim.eventsSince(0).events).toEqual([]);
    expect(sim.logsSince(0).logs).toEqual([]);
    sim.setRecording({ trace: true, logs: true });
    sim.advanceTo(10_000);
    expect(sim.eventsSince(0).events.length).toBeGreaterThan(0);
    expect(sim.eventsSince(0).events.every((e) => e.t >= 5000)).toBe(true);
    expect(sim.logsSince(0).logs.length).toBeGreaterThan(0);
  });
});
