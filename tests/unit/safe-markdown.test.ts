import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SafeMarkdown } from '@/components/markdown/safe-markdown';

/**
 * The second line of defence. The pack validator refuses raw HTML, non-web links and images, but every pack
 * field is also rendered through SafeMarkdown, which must keep even a record that skipped validation inert.
 */
const RAW_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  '<iframe src="javascript:alert(4)"></iframe>',
  '<a href="javascript:alert(5)">x</a>',
  '[x](javascript:alert(6))',
  '[x](JAVASCRIPT:alert(7))',
  '[x](  javascript:alert(8))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(10))',
  '![pixel](https://tracker.example/11.gif)',
  '![x](javascript:alert(12))',
  '[ref][r]\n\n[r]: javascript:alert(13)',
  '<javascript:alert(14)>',
  '<div onmouseover="alert(15)">hover</div>',
  '<style>body{background:url("https://tracker.example/16")}</style>',
  '<object data="javascript:alert(17)"></object>',
  '<embed src="javascript:alert(18)">',
  '<form action="javascript:alert(19)"><button>go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>',
  '<details open ontoggle=alert(21)>',
  '<input autofocus onfocus=alert(22)>',
  '<body onload=alert(23)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(24)">',
  '<link rel=stylesheet href="https://tracker.example/25.css">',
  '<base href="javascript:alert(26)//">',
  '[x](//tracker.example/27)',
  '<video><source onerror="alert(28)"></video>',
  '<audio src=x onerror=alert(29)>',
  '[x](file:///etc/passwd)',
  '<!--<img src="--><img src=x onerror=alert(31)//">',
  '[x](https://example.com/"onmouseover="alert(32))',
] as const;

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(SafeMarkdown, null, markdown));
}

describe('SafeMarkdown keeps pack text inert', () => {
  it.each(RAW_PAYLOADS.map((p, i) => [i + 1, p] as const))('payload %i renders without script, handlers, images or unsafe links', (_, payload) => {
    const html = render(`Before ${payload} after`);
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|object|embed|form|input|video|audio|source|meta|link|base|math|details|body)\b/i);
    // Inside a tag: text such as "onerror=" is escaped and harmless.
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    for (const href of html.matchAll(/\s(?:href|src|action|data)="([^"]*)"/gi)) {
      expect(href[1]).toMatch(/^(https?:|mailto:)/i);
    }
  });

  it('renders code spans as text and keeps web links, opening them safely', () => {
    const html = render('Use `<script>` here and read [the docs](https://docs.aws.amazon.com/lambda/).');
    expect(html).toContain('<code>&lt;script&gt;</code>');
    expect(html).toContain('href="https://docs.aws.amazon.com/lambda/"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe('how question Markdown renders code', () => {
  const html = (md: string) => renderToStaticMarkup(createElement(SafeMarkdown, { children: md }));

  it('keeps short inline code whole and marks long tokens as breakable', () => {
    expect(html('Set `--maximum-retry-attempts` to 0.')).toContain('<code>--maximum-retry-attempts</code>');
    expect(html('Use `arn:aws:lambda:us-east-1:123456789012:function:orders`.')).toMatch(/<code data-long="">arn:aws/);
  });

  it('renders a CLI command block whose words never break, so it wraps only at spaces', () => {
    const out = html('```\naws lambda put-function-concurrency --function-name orders\n```');
    expect(out).toContain('<span class="whitespace-nowrap">--function-name</span> <span class="whitespace-nowrap">orders</span>');
  });
});
