/** The default pace: a run takes long enough to follow, whatever the scenario's length. */
import { describe, expect, it } from 'vitest';
import { defaultSpeedFor, SPEEDS, TARGET_RUN_SECONDS } from '../playback-protocol';

describe('default pace', () => {
  it('a 90-second preset plays at 2× (45 s), not in 2 seconds', () => {
    expect(defaultSpeedFor(90)).toBe(2);
    expect(90 / defaultSpeedFor(90)).toBeGreaterThanOrEqual(TARGET_RUN_SECONDS);
  });

  it('every run takes at least the target time unless the scenario is shorter than it', () => {
    for (const d of [10, 60, 120, 240, 600, 720, 3600, 86_400]) {
      const s = defaultSpeedFor(d);
      expect(SPEEDS).toContain(s);
      if (d >= TARGET_RUN_SECONDS) expect(d / s).toBeGreaterThanOrEqual(TARGET_RUN_SECONDS);
      // and the next faster speed would be too fast
      const faster = SPEEDS.find((x) => x > s);
      if (faster) expect(d / faster).toBeLessThan(TARGET_RUN_SECONDS);
    }
    expect(defaultSpeedFor(10)).toBe(1);
  });
});
