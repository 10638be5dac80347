/// <reference lib="webworker" />
/**
 * Checks a pack file off the main thread. A hostile or huge file can only keep this worker busy: the page
 * stays responsive and terminates the worker at its deadline (parse-client.ts).
 */
import { checkPackFile } from './check-pack-file';
import type { ParseRequest, ParseResponse } from './parse-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, ...job } = event.data;
  const started = performance.now();
  const { result, format } = checkPackFile(job);
  const response: ParseResponse = { id, result, format, ms: Math.round(performance.now() - started) };
  scope.postMessage(response);
};
