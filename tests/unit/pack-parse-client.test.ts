import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, runParseJob, type WorkerLike } from '@/components/packs/parse-client';
import { checkPackFile } from '@/components/packs/check-pack-file';
import { chooseFormat } from '@/lib/packs/file-format';
import type { ParseRequest, ParseResponse } from '@/components/packs/parse-protocol';
import { LIMITS } from '@/lib/packs';

/** A worker that answers like the real one after `delayMs`, or never. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly delayMs: number | 'never' | 'crash') {}
  postMessage(message: unknown) {
    const request = message as ParseRequest;
    if (this.delayMs === 'never') return;
    if (this.delayMs === 'crash') {
      setTimeout(() => this.onerror?.({ message: 'out of memory', preventDefault() {} } as unknown as ErrorEvent), 5);
      return;
    }
    setTimeout(() => {
      if (this.terminated) return;
      const { id, ...job } = request;
      const { result, format } = checkPackFile(job);
      const response: ParseResponse = { id, result, format, ms: 1 };
      this.onmessage?.({ data: response } as MessageEvent);
    }, this.delayMs);
  }
  terminate() {
    this.terminated = true;
  }
}

const PACK = `format: 1
id: tiny
title: Tiny pack
version: 1.0.0
author: Tests
questions:
  - id: q-one
    type: single
    domain: 2
    topics: [async]
    difficulty: easy
    stem: How many times does Lambda retry a failed asynchronous event by default?
    options:
      - { text: Never, correct: false, why: It retries. }
      - { text: Twice, correct: true, why: The default is 2. }
      - { text: Five times, correct: false, why: At most 2. }
      - { text: Forever, correct: false, why: At most 2. }
`;

const noPage = async () => {
  throw new Error('must not run on the page');
};

describe('checking a pack file off the page', () => {
  it('returns the worker result and terminates the worker', async () => {
    const worker = new FakeWorker(5);
    const outcome = await runParseJob({ text: PACK, fileName: 'tiny.yaml' }, { createWorker: () => worker, runOnPage: noPage });
    expect(outcome.kind).toBe('done');
    if (outcome.kind === 'done') {
      expect(outcome.where).toBe('worker');
      expect(outcome.format).toBe('yaml');
      expect(outcome.result.ok).toBe(true);
    }
    expect(worker.terminated).toBe(true);
  });

  it('stops a check that runs past its deadline and kills the worker', async () => {
    const worker = new FakeWorker('never');
    // The fake worker never answers, so only the deadline can end the job.
    const outcome = await runParseJob({ text: PACK, fileName: 'slow.yaml' }, { createWorker: () => worker, runOnPage: noPage, timeoutMs: 50 });
    expect(outcome).toEqual({ kind: 'timeout', seconds: 0 });
    expect(worker.terminated).toBe(true);
  });

  it('can be cancelled, and a late answer is ignored', async () => {
    const worker = new FakeWorker(200);
    const controller = new AbortController();
    const pending = runParseJob({ text: PACK, fileName: 'tiny.yaml' }, { createWorker: () => worker, runOnPage: noPage, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
    expect(worker.terminated).toBe(true);
  });

  it('reports a worker that dies instead of hanging', async () => {
    const worker = new FakeWorker('crash');
    const outcome = await runParseJob({ text: PACK, fileName: 'tiny.yaml' }, { createWorker: () => worker, runOnPage: noPage });
    expect(outcome).toEqual({ kind: 'failed', message: 'out of memory' });
    expect(worker.terminated).toBe(true);
  });

  it('runs on the page when the browser cannot start a worker', async () => {
    const outcome = await runParseJob(
      { text: PACK, fileName: 'tiny.yaml' },
      {
        createWorker: () => {
          throw new Error('Worker is not defined');
        },
        runOnPage: async (job) => checkPackFile(job),
      },
    );
    expect(outcome.kind === 'done' && outcome.where).toBe('page');
  });

  it('refuses files over the same size limit as the parser, before reading them', () => {
    expect(MAX_FILE_BYTES).toBe(LIMITS.maxFileBytes);
  });
});

describe('choosing how to read a file (as the CLI does)', () => {
  it('reads .yaml and .json as packs, and GIFT, Aiken and CSV by extension or content', () => {
    expect(chooseFormat('week.yaml', '')).toBe('pack');
    expect(chooseFormat('week.json', '{}')).toBe('pack');
    expect(chooseFormat('week.gift', '')).toBe('gift');
    expect(chooseFormat('week.csv', '')).toBe('csv');
    expect(chooseFormat('week.txt', 'Question?\nA. one\nB. two\nC. three\nANSWER: B\n')).toBe('aiken');
    expect(chooseFormat('export.txt', '::q1::Which? {=a ~b ~c}')).toBe('gift');
    expect(chooseFormat('notes.txt', 'hello')).toBe('pack');
  });

  it('records JSON packs as JSON', () => {
    const json = JSON.stringify({ format: 1 });
    expect(checkPackFile({ text: json, fileName: 'pack.json' }).format).toBe('json');
    expect(checkPackFile({ text: PACK, fileName: 'pack.txt', format: 'pack' }).format).toBe('yaml');
  });
});
