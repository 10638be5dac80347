'use client';

import { useCallback, useEffect, useRef, type DependencyList, type RefObject } from 'react';
import uPlot from 'uplot';

/**
 * A uPlot chart in `box`, created at the width the browser lays the box out at and resized with it; returns
 * the function that gives it new data. Sizes come from a ResizeObserver, which reports after the browser's
 * own layout: reading clientWidth or offsetParent in effects forced a layout per chart and per update, about
 * a second of style and layout on a throttled phone with the simulator's charts. A box in a hidden tab
 * (width 0) gets its chart, or its missed updates, when it is shown; `data` is read then, so it should read
 * the latest data from a ref.
 */
export function useUplot(boxRef: RefObject<HTMLDivElement | null>, options: (width: number) => uPlot.Options, data: () => uPlot.AlignedData, height: number, deps: DependencyList) {
  const chart = useRef<{ plot: uPlot | null; shown: boolean }>({ plot: null, shown: false });
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const state = chart.current;
    const ro = new ResizeObserver((entries) => {
      const measured = entries[entries.length - 1]!.contentRect.width;
      state.shown = measured > 0;
      if (!state.shown) return;
      const width = Math.max(200, Math.round(measured));
      if (state.plot === null) state.plot = new uPlot(options(width), data(), box);
      else {
        state.plot.setSize({ width, height });
        state.plot.setData(data());
      }
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      state.plot?.destroy();
      state.plot = null;
      state.shown = false;
    };
    // The caller names what re-creates the chart (theme, chart, size); data flows in through `data` and the update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return useCallback((next: uPlot.AlignedData) => {
    const { plot, shown } = chart.current;
    if (plot && shown) plot.setData(next);
  }, []);
}
