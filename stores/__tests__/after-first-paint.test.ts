import { afterEach, describe, expect, it, vi } from 'vitest';

// Module state (one promise per page) is reset per test by loading the module afresh.
async function load() {
  vi.resetModules();
  return (await import('../after-first-paint')).afterFirstPaint;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('resolves at once outside a browser', async () => {
    const afterFirstPaint = await load();
    await expect(afterFirstPaint()).resolves.toBeUndefined();
  });

  it('waits for the next frame, then the task after it, and answers every caller with the same promise', async () => {
    vi.useFakeTimers();
    let frame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => ((frame = cb), 1));
    const afterFirstPaint = await load();
    let done = false;
    const first = afterFirstPaint().then(() => (done = true));
    expect(afterFirstPaint()).toBe(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    frame!();
    await vi.advanceTimersByTimeAsync(0);
    await first;
    expect(done).toBe(true);
  });

  it('does not wait for ever in a hidden tab, which gets no frames', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const afterFirstPaint = await load();
    let done = false;
    void afterFirstPaint().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
