/**
 * The service worker: precaches the whole static export so that, after one visit, every lesson, the question
 * bank, quizzes, review, exams and the simulator work with no network.
 *
 * Versions never mix: every file is precached with its revision, and a new worker waits (no skipWaiting) until
 * the learner accepts the "new version available" prompt, which posts SKIP_WAITING; the page then reloads once,
 * so a page is always served entirely by one version's cache.
 */
/// <reference lib="webworker" />
import { Serwist, type PrecacheEntry } from 'serwist';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] };

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    // Every page is static and reads its query in the browser (/quiz/?lesson=x is quiz/index.html), and Next asks
    // for RSC payloads with ?_rsc=<hash>: the precached files have no query, so no parameter takes part in matching.
    ignoreURLParametersMatching: [/.*/],
    cleanURLs: true,
    directoryIndex: 'index.html',
    navigateFallback: '/404.html',
    cleanupOutdatedCaches: true,
    plugins: [
      {
        // A worker's location is the URL of the response that served its script. A cached response carries
        // the precache key (no query), and Next's worker bootstrap reads its config from ?params=, so hand
        // workers a copy without a URL: the browser then uses the request's own URL, #params= and all.
        // The strategy looks the file up under its precache key, so ask the fetch event what was requested.
        cachedResponseWillBeUsed: async ({ event, cachedResponse }) =>
          (event as FetchEvent | undefined)?.request?.destination === 'worker' && cachedResponse
            ? new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers: cachedResponse.headers })
            : cachedResponse,
      },
    ],
  },
  skipWaiting: false,
  clientsClaim: false,
  navigationPreload: false,
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

serwist.addEventListeners();
