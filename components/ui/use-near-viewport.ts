'use client';

import { useCallback, useState } from 'react';

/**
 * True once the element has come within `margin` of the viewport, and true from then on: for work that only a
 * part further down the page needs (a lesson's checkpoint needs the whole question bank, 400 KB on a phone's
 * network). A browser without IntersectionObserver gets true at once, so nothing waits for ever.
 */
export function useNearViewport<T extends Element>(margin = '100% 0px'): [(el: T | null) => (() => void) | undefined, boolean] {
  const [near, setNear] = useState(false);
  const ref = useCallback(
    (el: T | null) => {
      if (!el) return undefined;
      if (typeof IntersectionObserver === 'undefined') {
        setNear(true);
        return undefined;
      }
      const io = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          setNear(true);
          io.disconnect();
        },
        { rootMargin: margin },
      );
      io.observe(el);
      return () => io.disconnect();
    },
    [margin],
  );
  return [ref, near];
}
