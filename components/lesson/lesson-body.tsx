import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import { getMDXComponent } from 'mdx-bundler/client/jsx';
import { mdxComponents } from '@/components/mdx/mdx-components';

// The app's own React goes into the MDX bundle, so hooks in lesson components share one React and one store.
const jsxGlobals = { React, ReactDOM, _jsx_runtime: jsxRuntime };

/**
 * A lesson's compiled MDX, rendered on the server at build time. Evaluating the bundle here (mdx-bundler uses
 * `new Function`) means the browser receives plain HTML plus the interactive components it embeds: no lesson
 * code to download, and no eval, so the Content-Security-Policy can forbid it.
 */
export function LessonBody({ code }: { code: string }) {
  const Component = getMDXComponent(code, jsxGlobals);
  // Built once per lesson during the static export; a server component never re-renders.
  // eslint-disable-next-line react-hooks/static-components
  return <Component components={mdxComponents as never} />;
}
