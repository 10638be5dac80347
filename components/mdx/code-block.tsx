'use client';

import { useRef, useState, type ComponentProps } from 'react';

/** Wraps build-time highlighted <pre> blocks with a copy button; highlighting itself happens at build time. */
export function CodeBlock(props: ComponentProps<'pre'>) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const text = ref.current?.innerText ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="group relative">
      <pre ref={ref} {...props} tabIndex={0} />
      <button
        type="button"
        onClick={copy}
        className="absolute right-2 top-2 rounded-md border border-slate-300 bg-white/90 px-2 py-1 text-xs font-medium text-slate-700 opacity-90 hover:opacity-100 focus:opacity-100 dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-200"
      >
        {copied ? 'Copied' : 'Copy'}
        <span className="sr-only"> code</span>
      </button>
      <span role="status" className="sr-only">{copied ? 'Code copied to clipboard' : ''}</span>
    </div>
  );
}
