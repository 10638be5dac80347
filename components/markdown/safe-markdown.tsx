import { Children, cloneElement, isValidElement, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Only http(s), mailto and same-site links survive; anything else (javascript:, data:) becomes plain text. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (trimmed.startsWith('#')) return trimmed;
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : '';
}

/** Inline code this long could not fit a phone's line whole, so it may break anywhere; shorter tokens (a CLI flag) never break. */
const LONG_TOKEN = 24;

/** A code block's words, each kept whole: the block wraps at spaces only, never inside `--function-name`. */
function unbreakableWords(children: ReactNode): ReactNode {
  if (typeof children !== 'string') return children;
  return children.split(/(\s+)/).map((part, i) => (part === '' || /^\s+$/.test(part) ? part : <span key={i} className="whitespace-nowrap">{part}</span>));
}

const components: Components = {
  pre: ({ children }) => (
    <pre>{Children.map(children, (child) => (isValidElement<{ children?: ReactNode }>(child) ? cloneElement(child, { children: unbreakableWords(child.props.children) }) : child))}</pre>
  ),
  code: ({ children, className }) => {
    const text = typeof children === 'string' ? children : Array.isArray(children) ? children.join('') : '';
    return (
      <code className={className} {...(text.length > LONG_TOKEN ? { 'data-long': '' } : {})}>
        {children}
      </code>
    );
  },
  a: ({ href, children }) =>
    href ? (
      <a href={href} target={href.startsWith('/') || href.startsWith('#') ? undefined : '_blank'} rel="noopener noreferrer nofollow" className="text-sky-800 underline dark:text-sky-300">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

/**
 * Markdown from question packs is data written by people we do not know: raw HTML is dropped,
 * images are not rendered (a remote image would track the learner), and links are filtered.
 */
export function SafeMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={`question-text ${className ?? ''}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        disallowedElements={['img', 'iframe', 'script', 'style']}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
