import { describe, expect, it } from 'vitest';
import { decodeCliShare, encodeCliShare, terminalLinkPart } from '../share';
import { encodePayload } from '../../sim/share';
import { createRng } from '../../random';
import type { PageRun } from '../page-link';

describe('terminal share links', () => {
  it('round-trips command lines, compressed or not', async () => {
    const lines = ['aws lambda list-functions', `aws lambda invoke --payload '{"a":1}' out.json`];
    expect((await decodeCliShare(await encodeCliShare(lines))).lines).toEqual(lines);
    expect((await decodeCliShare(await encodeCliShare(lines, { compress: false }))).lines).toEqual(lines);
  });
  it('refuses payloads that are not terminal commands', async () => {
    await expect(decodeCliShare(await encodePayload({ v: 99, lines: [] }))).rejects.toThrow(/does not hold terminal commands/);
    await expect(decodeCliShare('x123')).rejects.toThrow(/damaged/);
  });

  it('opens version 1 links (lab links made before format 2) as format 2 without steps', async () => {
    // Exactly what the version 1 encoder wrote for these lines, uncompressed.
    const v1 = 'j' + Buffer.from(JSON.stringify({ v: 1, lines: ['aws lambda list-functions'] })).toString('base64url');
    expect(await decodeCliShare(v1)).toEqual({ v: 2, lines: ['aws lambda list-functions'] });
  });
  it('a linked session replays to the same terminal state and page run', async () => {
    const { LinkedSession } = await import('../page-link');
    const { Session, initialState, runLine } = await import('../index');
    const { replayCliShare } = await import('../share');
    const input = { id: 'blank', title: 'Blank', story: 'One function with default settings and no traffic.', lesson: 'what-is-lambda', seed: 1, durationSeconds: 600, functions: [{ name: 'my-function' }] };
    let page: PageRun = { input, seed: 1, injections: [], t: 0 };
    const live = new LinkedSession(new Session(initialState(input)));
    const lines: string[] = [];
    const steps: ({ page?: object } | null)[] = [];
    const type = (line: string) => {
      const d = live.before(page);
      steps.push(d ? { page: d } : null);
      lines.push(line);
      runLine(live.session, line);
      live.after();
      if (live.known) page = live.known;
    };
    type('aws lambda update-function-configuration --function-name my-function --timeout 9');
    page = { ...page, t: 20_000, injections: [...page.injections, { t: 20_000, cmd: { type: 'invoke', target: 'my-function', count: 3 } }] };
    type("aws lambda invoke --function-name my-function --payload '{}' --cli-binary-format raw-in-base64-out out.json");
    type('sleep 10');
    const share = await decodeCliShare(await encodeCliShare(lines, { steps: steps as never }));
    const r = replayCliShare(share);
    expect(r.linked.session.state).toEqual(live.session.state);
    expect(r.page).toEqual(live.known);
    expect(r.results.map((x) => x.result.exitCode)).toEqual([0, 0, 0]);
  });

  it('a simulator link carries the session, or says why it cannot', async () => {
    expect(await terminalLinkPart([], [])).toBeNull();
    const part = await terminalLinkPart(['aws lambda list-functions'], [null]);
    expect(part && 'payload' in part && (await decodeCliShare(part.payload)).lines).toEqual(['aws lambda list-functions']);
    const many = Array.from({ length: 501 }, (_, i) => `sleep ${i}`);
    expect(await terminalLinkPart(many, many.map(() => null))).toEqual({ omitted: expect.stringMatching(/501 commands.*at most 500.*The run itself is/) });
    // Incompressible lines (random-looking payloads) overflow the link's size before its line count.
    const rng = createRng(7);
    const noise = () => Array.from({ length: 400 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rng() * 36)]).join('');
    const long = Array.from({ length: 200 }, () => `aws sqs send-message --queue-url q --message-body ${noise()}`);
    expect(await terminalLinkPart(long, long.map(() => null))).toEqual({ omitted: expect.stringMatching(/200 commands are too long for a link/) });
  });
});
