import { describe, expect, it } from 'vitest';
import { initialState, runLine, Session } from '../../cli/index';
import { gradeLab, LABS } from '../catalog';

describe('labs', () => {
  it('has at least 8 labs with unique ids, hints and facts', () => {
    expect(LABS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
    for (const l of LABS) {
      expect(l.hints.length).toBeGreaterThan(0);
      expect(l.facts.length).toBeGreaterThan(0);
    }
  });
  for (const lab of LABS) {
    it(`${lab.id}: fails on the starting account and passes after the solution`, () => {
      const s = new Session(initialState(lab.scenario));
      const start = gradeLab(lab, s.state);
      expect(start.passed, JSON.stringify(start.checks)).toBe(false);
      for (const cmd of lab.solution) {
        const r = runLine(s, cmd);
        expect(r.exitCode, `${cmd}\n${r.stderr}`).toBe(0);
      }
      const end = gradeLab(lab, s.state);
      expect(end.passed, JSON.stringify(end.checks)).toBe(true);
    });
  }
});
