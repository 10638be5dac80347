'use client';

import { useEffect, useRef } from 'react';
import { CELL_BUSY, CELL_GONE, CELL_IDLE, CELL_INIT, CELL_PROVISIONED } from '@/lib/sim/lanes';
import { useSimStore } from './sim-context';
import { formatClock } from './format';

/** Colours per cell code, light and dark. Empty cells show the plot background. */
const PALETTE: Record<'light' | 'dark', Record<number, string>> = {
  light: {
    [CELL_IDLE]: '#cbd5e1',
    [CELL_BUSY]: '#f97316',
    [CELL_INIT]: '#7c3aed',
    [CELL_GONE]: '#e11d48',
    [CELL_IDLE + CELL_PROVISIONED]: '#99f6e4',
    [CELL_BUSY + CELL_PROVISIONED]: '#0d9488',
    [CELL_INIT + CELL_PROVISIONED]: '#7c3aed',
  },
  dark: {
    [CELL_IDLE]: '#334155',
    [CELL_BUSY]: '#fb923c',
    [CELL_INIT]: '#a78bfa',
    [CELL_GONE]: '#fb7185',
    [CELL_IDLE + CELL_PROVISIONED]: '#115e59',
    [CELL_BUSY + CELL_PROVISIONED]: '#2dd4bf',
    [CELL_INIT + CELL_PROVISIONED]: '#a78bfa',
  },
};
const BACKGROUND = { light: '#f8fafc', dark: '#0f172a' };

export const LEGEND = [
  { code: CELL_INIT, label: 'INIT (cold start)' },
  { code: CELL_BUSY, label: 'Busy' },
  { code: CELL_IDLE, label: 'Idle (warm)' },
  { code: CELL_BUSY + CELL_PROVISIONED, label: 'Provisioned, busy' },
  { code: CELL_IDLE + CELL_PROVISIONED, label: 'Provisioned, idle' },
  { code: CELL_GONE, label: 'Reclaimed or reset' },
] as const;

export function paletteColour(code: number, dark: boolean): string {
  return PALETTE[dark ? 'dark' : 'light'][code] ?? 'transparent';
}

function toAbgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((255 << 24) | ((n & 255) << 16) | (((n >> 8) & 255) << 8) | ((n >> 16) & 255)) >>> 0;
}

function paletteWords(dark: boolean): Uint32Array {
  const p = new Uint32Array(16).fill(toAbgr(BACKGROUND[dark ? 'dark' : 'light']));
  for (const [code, hex] of Object.entries(PALETTE[dark ? 'dark' : 'light'])) p[Number(code)] = toAbgr(hex);
  return p;
}

/** Which code wins when several cells share one pixel: the most telling state. */
const RANK = new Uint8Array(16);
[
  [CELL_IDLE, 1],
  [CELL_IDLE + CELL_PROVISIONED, 1],
  [CELL_GONE, 2],
  [CELL_BUSY, 3],
  [CELL_BUSY + CELL_PROVISIONED, 3],
  [CELL_INIT, 4],
  [CELL_INIT + CELL_PROVISIONED, 4],
].forEach(([c, r]) => (RANK[c!] = r!));

function niceStep(spanMs: number, maxTicks: number): number {
  const steps = [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000];
  for (const s of steps) if (spanMs / s <= maxTicks) return s;
  return steps[steps.length - 1]!;
}

/** Rows to draw: grows in steps so the raster is rebuilt rarely while environments ramp up. */
const ROW_STEPS = [3, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096];
function displayRows(used: number, limit: number | null): number {
  let rows = ROW_STEPS.find((s) => s >= used) ?? used;
  if (limit !== null && limit <= 64 && limit + 1 > rows) rows = limit + 1;
  return rows;
}

const isDark = () => document.documentElement.classList.contains('dark');

/**
 * The environments as lanes over the whole run: one row per environment slot, one column per slice of
 * virtual time. The lane pixels are rasterised straight into the canvas at its device size, only for the
 * columns that changed; the limit line, labels and axis sit on a second canvas redrawn only when the layout
 * changes; the "now" cursor is a DOM element moved with a transform. Nothing here goes through React state,
 * so the page keeps its frame rate with a thousand environments.
 */
export function LanesCanvas({ maxHeight = 360, compact = false, label }: { maxHeight?: number; compact?: boolean; label: string }) {
  const store = useSimStore();
  const wrapRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const wrap = wrapRef.current;
    const plot = plotRef.current;
    const overlay = overlayRef.current;
    const cursor = cursorRef.current;
    if (!wrap || !plot || !overlay || !cursor) return;
    const pctx = plot.getContext('2d');
    const octx = overlay.getContext('2d');
    if (!pctx || !octx) return;
    const lanes = store.getState().lanes;
    let dark = isDark();
    let palette = paletteWords(dark);
    let width = wrap.clientWidth;
    let raf = 0;
    let needFull = true;
    let needOverlay = true;
    let image: ImageData | null = null;
    let words: Uint32Array | null = null;
    let geo = { rows: 3, plotH: 96, rowPx: 32, gutter: 8, plotW: 100, limit: null as number | null, reserved: false, dpr: 1, wPx: 100, hPx: 96, axisH: 22, c0: 0, c1: 1 };
    let layoutKey = '';

    const computeGeometry = () => {
      const s = store.getState();
      const fn = s.snapshot?.functions[s.lanesFn];
      const reserved = fn?.reservedConcurrency ?? null;
      const accountLimit = s.snapshot ? s.snapshot.account.concurrencyLimit - s.snapshot.functions.reduce((n, f, i) => n + (i === s.lanesFn ? 0 : (f.reservedConcurrency ?? 0)), 0) : null;
      const limit = reserved ?? accountLimit;
      const rows = displayRows(lanes.rows, limit);
      const rowH = Math.min(compact ? 12 : 16, Math.max(maxHeight / rows, 0.25));
      const plotH = Math.round(Math.max(compact ? 72 : 96, Math.min(maxHeight, rows * rowH)));
      const rowPx = plotH / rows;
      const gutter = rowPx >= 11 && !compact ? 56 : 8;
      const plotW = Math.max(10, Math.floor(width - gutter - 8));
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      // The visible time window, in (fractional) columns: the whole run, or the zoomed view.
      const v = s.lanesView;
      const colMs = lanes.colMs || 1;
      const c0 = v ? Math.max(0, v.from / colMs) : 0;
      const c1 = v ? Math.min(lanes.cols, Math.max(c0 + 1, v.to / colMs)) : lanes.cols;
      return { rows, plotH, rowPx, gutter, plotW, limit, reserved: reserved !== null, dpr, wPx: Math.round(plotW * dpr), hPx: Math.round(plotH * dpr), axisH: 22, c0, c1 };
    };

    /** Rasterises pixel columns [x0, x1) of the plot from the lane codes. */
    const raster = (x0: number, x1: number) => {
      if (!words) return;
      const { wPx, hPx, rows } = geo;
      const cols = lanes.cols;
      const codes = lanes.codes;
      const used = Math.min(lanes.rows, rows);
      const bg = palette[0]!;
      const span = geo.c1 - geo.c0;
      for (let x = x0; x < x1; x++) {
        const c0 = Math.min(cols - 1, Math.floor(geo.c0 + (x * span) / wPx));
        const c1 = Math.min(cols, Math.max(c0 + 1, Math.floor(geo.c0 + ((x + 1) * span) / wPx)));
        for (let y = 0; y < hPx; y++) {
          const r0 = Math.floor((y * rows) / hPx);
          const r1 = Math.max(r0 + 1, Math.floor(((y + 1) * rows) / hPx));
          let best = 0;
          let bestRank = 0;
          for (let r = r0; r < r1 && r < used; r++) {
            const base = r * cols;
            for (let c = c0; c < c1; c++) {
              const code = codes[base + c]!;
              if (RANK[code]! > bestRank) {
                bestRank = RANK[code]!;
                best = code;
              }
            }
          }
          words[y * wPx + x] = best ? palette[best]! : bg;
        }
      }
      pctx.putImageData(image!, 0, 0, x0, 0, x1 - x0, hPx);
    };

    const drawOverlay = () => {
      const { gutter, plotW, plotH, rowPx, rows, limit, reserved, dpr, axisH } = geo;
      const cssH = plotH + axisH + 6;
      const w = Math.round(width * dpr);
      const h = Math.round(cssH * dpr);
      if (overlay.width !== w || overlay.height !== h) {
        overlay.width = w;
        overlay.height = h;
      }
      overlay.style.height = `${cssH}px`;
      octx.setTransform(dpr, 0, 0, dpr, 0, 0);
      octx.clearRect(0, 0, width, cssH);
      const x0 = gutter;
      const y0 = 2;
      const bg = BACKGROUND[dark ? 'dark' : 'light'];
      // Row gaps as soon as rows are a few pixels tall, so a burst of environments reads as separate lanes.
      if (rowPx >= 4) {
        octx.fillStyle = bg;
        for (let r = 1; r < rows; r++) octx.fillRect(x0, y0 + r * rowPx - (rowPx >= 6 ? 1 : 0.5), plotW, rowPx >= 6 ? 1.5 : 1);
      }
      if (gutter > 8) {
        octx.fillStyle = dark ? '#94a3b8' : '#475569';
        octx.font = '10px ui-monospace, SFMono-Regular, Menlo, monospace';
        octx.textBaseline = 'middle';
        octx.textAlign = 'right';
        for (let r = 0; r < Math.min(rows, lanes.rows); r++) {
          const slot = lanes.slots[r];
          if (slot) octx.fillText(`${slot.provisioned ? 'PC ' : ''}#${slot.envId}`, x0 - 6, y0 + (r + 0.5) * rowPx);
        }
      }
      // Concurrency limit: environments below this line cannot all be busy at once.
      if (limit !== null && limit <= rows) {
        const y = y0 + limit * rowPx;
        octx.strokeStyle = dark ? '#f87171' : '#b91c1c';
        octx.lineWidth = 1.5;
        octx.setLineDash([6, 4]);
        octx.beginPath();
        octx.moveTo(x0, y);
        octx.lineTo(x0 + plotW, y);
        octx.stroke();
        octx.setLineDash([]);
        octx.font = '600 11px ui-sans-serif, system-ui, sans-serif';
        octx.textAlign = 'right';
        // The label sits above the line, or below it when the line is at the very top (a limit of 0).
        const below = y - y0 < 16;
        octx.textBaseline = below ? 'top' : 'bottom';
        const text = `${reserved ? 'reserved concurrency' : 'concurrency limit'} ${limit}${limit === 0 ? ': every request is throttled' : ''}`;
        const tw = octx.measureText(text).width;
        octx.fillStyle = dark ? 'rgba(15,23,42,0.85)' : 'rgba(255,255,255,0.9)';
        octx.fillRect(x0 + plotW - tw - 8, below ? y + 1 : y - 15, tw + 6, 14);
        octx.fillStyle = dark ? '#fca5a5' : '#991b1b';
        octx.fillText(text, x0 + plotW - 5, below ? y + 2 : y - 2);
      }
      const fromMs = geo.c0 * lanes.colMs;
      const toMs = geo.c1 * lanes.colMs;
      const spanMs = Math.max(1, toMs - fromMs);
      const axisY = y0 + plotH + 4;
      octx.fillStyle = dark ? '#94a3b8' : '#475569';
      octx.font = '10px ui-sans-serif, system-ui, sans-serif';
      octx.textBaseline = 'top';
      const step = niceStep(spanMs, Math.max(2, Math.floor(plotW / 70)));
      for (let ms = Math.ceil(fromMs / step) * step; ms <= toMs + 1; ms += step) {
        const x = x0 + ((ms - fromMs) / spanMs) * plotW;
        octx.fillRect(Math.round(x), axisY - 3, 1, 3);
        octx.textAlign = x < x0 + 20 ? 'left' : x > x0 + plotW - 20 ? 'right' : 'center';
        // Short spans need tenths of a second to tell the ticks apart.
        octx.fillText(step < 1000 ? `${formatClock(ms, false)}.${Math.round((ms % 1000) / 100)}` : formatClock(ms, false), x, axisY);
      }
    };

    const placeCursor = () => {
      const t = lanes.t;
      const fromMs = geo.c0 * lanes.colMs;
      const spanMs = Math.max(1, (geo.c1 - geo.c0) * lanes.colMs);
      const f = (t - fromMs) / spanMs;
      cursor.style.visibility = f < 0 || f > 1 ? 'hidden' : 'visible';
      const x = geo.gutter + Math.min(1, Math.max(0, f)) * geo.plotW;
      cursor.style.height = `${geo.plotH}px`;
      cursor.style.transform = `translateX(${x.toFixed(1)}px)`;
    };

    const paint = () => {
      raf = 0;
      const next = computeGeometry();
      const key = `${next.rows}|${next.plotH}|${next.gutter}|${next.plotW}|${next.dpr}|${next.limit}|${next.reserved}|${lanes.cols}|${lanes.colMs}|${dark}|${next.c0}|${next.c1}`;
      if (key !== layoutKey) {
        layoutKey = key;
        geo = next;
        plot.width = geo.wPx;
        plot.height = geo.hPx;
        plot.style.width = `${geo.plotW}px`;
        plot.style.height = `${geo.plotH}px`;
        plot.style.left = `${geo.gutter}px`;
        image = pctx.createImageData(geo.wPx, geo.hPx);
        words = new Uint32Array(image.data.buffer);
        needFull = true;
        needOverlay = true;
      }
      if (needFull || lanes.full) {
        raster(0, geo.wPx);
        needOverlay = true;
      } else if (lanes.dirtyTo >= lanes.dirtyFrom) {
        const span = geo.c1 - geo.c0;
        const x0 = Math.max(0, Math.floor(((lanes.dirtyFrom - geo.c0) * geo.wPx) / span) - 1);
        const x1 = Math.min(geo.wPx, Math.ceil(((lanes.dirtyTo + 1 - geo.c0) * geo.wPx) / span) + 1);
        if (x1 > x0) raster(x0, x1);
      }
      // Slot labels change as environments come and go; the overlay is cheap enough to redraw with them.
      if (needOverlay || (lanes.slotsChanged && geo.gutter > 8)) drawOverlay();
      lanes.markClean();
      needFull = false;
      needOverlay = false;
      placeCursor();
    };

    const request = () => {
      if (!raf) raf = requestAnimationFrame(paint);
    };
    const unsubLanes = lanes.subscribe(request);
    const unsubStore = store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot || s.lanesFn !== prev.lanesFn || s.lanesView !== prev.lanesView) request();
    });
    const ro = new ResizeObserver(() => {
      if (wrap.clientWidth !== width) {
        width = wrap.clientWidth;
        request();
      }
    });
    ro.observe(wrap);
    const mo = new MutationObserver(() => {
      const d = isDark();
      if (d !== dark) {
        dark = d;
        palette = paletteWords(dark);
        request();
      }
    });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    request();
    return () => {
      unsubLanes();
      unsubStore();
      ro.disconnect();
      mo.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [store, maxHeight, compact]);

  return (
    <div ref={wrapRef} className="relative w-full" style={{ contain: 'layout paint' }}>
      <canvas ref={plotRef} aria-hidden="true" className="absolute top-[2px] z-0" />
      <canvas ref={overlayRef} role="img" aria-label={label} className="relative z-10 block w-full" />
      <div ref={cursorRef} aria-hidden="true" className="pointer-events-none absolute left-0 top-[2px] z-20 w-[1.5px] bg-slate-900 will-change-transform dark:bg-slate-100" style={{ height: 0 }} />
    </div>
  );
}
