import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, inlineScripts, pagePolicy, sha256, withPolicy } from '../csp';

const page = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><script>(() => { document.documentElement.dataset.theme = "dark"; })()</script><script src="/_next/static/chunks/a.js" async=""></script></head><body><script>self.__next_f.push([1,"a"])</script><script type="application/ld+json">{"a":1}</script></body></html>`;

describe('content security policy', () => {
  it('finds inline scripts only: not external ones and not JSON data blocks', () => {
    expect(inlineScripts(page)).toEqual(['(() => { document.documentElement.dataset.theme = "dark"; })()', 'self.__next_f.push([1,"a"])']);
  });

  it('hashes a script body exactly as the browser does (SHA-256, base64)', () => {
    const body = 'self.__next_f.push([0])';
    expect(sha256(body)).toBe(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  });

  it('allows scripts by hash and never by unsafe-inline', () => {
    const policy = pagePolicy(["'sha256-abc'", "'sha256-abc'"]);
    const script = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it('puts the policy first in <head>, before any script, and replaces an old one', () => {
    const once = withPolicy(page, "default-src 'self'");
    expect(once.indexOf('Content-Security-Policy')).toBeLessThan(once.indexOf('<script'));
    expect(once).toMatch(/<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"\/>/);
    const twice = withPolicy(once, "default-src 'none'");
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toContain(`content="default-src 'none'"`);
  });

  it('leaves frame-ancestors to the header, where it works', () => {
    expect(HEADER_POLICY).toContain("frame-ancestors 'none'");
    expect(pagePolicy([])).not.toContain('frame-ancestors');
  });
});
