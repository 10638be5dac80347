/**
 * Resolves once the browser has had a frame to paint the page's own HTML: after the next animation frame, in the
 * task that follows it. Downloads and module evaluation started before that first paint share the phone's link
 * and main thread with it (Lighthouse counted the 400 KB bank against the quiz's largest paint whenever it began
 * first). A hidden tab gets no animation frames, so a short timer stands in; outside a browser it resolves at once.
 */
let painted: Promise<void> | undefined;

export function afterFirstPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  painted ??= new Promise<void>((resolve) => {
    const done = () => setTimeout(resolve, 0);
    requestAnimationFrame(done);
    setTimeout(resolve, 250);
  });
  return painted;
}
