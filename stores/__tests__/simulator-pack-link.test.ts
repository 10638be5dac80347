import { describe, expect, it } from 'vitest';
import { packLinkNotice, packScenarioParams } from '../simulator-store';

describe('simulator links to a pack scenario', () => {
  it('reads ?pack=&scenario= and refuses a half or malformed pair instead of guessing', () => {
    expect(packScenarioParams('?pack=class-week-3&scenario=cold-lab&seed=4')).toEqual({ packId: 'class-week-3', scenarioId: 'cold-lab' });
    expect(packScenarioParams('?preset=throttle-storm-reserved')).toBeUndefined();
    expect(packScenarioParams(undefined)).toBeUndefined();
    expect(packScenarioParams('?pack=class-week-3')).toEqual({ bad: true });
    expect(packScenarioParams('?pack=Class%20Week&scenario=x')).toEqual({ bad: true });
    expect(packScenarioParams(`?pack=${'a'.repeat(81)}&scenario=x`)).toEqual({ bad: true });
  });

  it('tells the learner what happened and where to go when the pack is gone, the scenario renamed or the copy damaged', () => {
    const gone = packLinkNotice({ kind: 'no-pack', packId: 'class-week-3' }, 'cold-lab');
    expect(gone.message).toContain('the scenario "cold-lab" of the question pack "class-week-3", but that pack is not in this browser');
    expect(gone.link).toEqual({ href: '/packs/', label: 'Go to the Packs page' });
    const renamed = packLinkNotice({ kind: 'no-scenario', packId: 'class-week-3', packTitle: 'Week 3', scenarioIds: ['warm-lab'] }, 'cold-lab');
    expect(renamed.message).toContain('The pack "Week 3" has no scenario "cold-lab" (it has "warm-lab")');
    expect(packLinkNotice({ kind: 'damaged', packId: 'class-week-3' }).message).toContain('Nothing was deleted');
    expect(packLinkNotice({ kind: 'bad-link' }).link).toBeUndefined();
  });
});
