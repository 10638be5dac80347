/// <reference lib="webworker" />
/**
 * The simulation worker's shell: the playback (lib/sim/playback.ts) runs here, off the page's thread, with
 * the worker's clock, timers and postMessage. The engine never leaves the worker; frames are plain data.
 */
import { createPlayback } from '@/lib/sim/playback';
import type { ToWorker } from '@/lib/sim/playback-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const playback = createPlayback({
  post: (msg, transfer) => scope.postMessage(msg, transfer as Transferable[]),
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (ev: MessageEvent<ToWorker>) => playback.handle(ev.data);
