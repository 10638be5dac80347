'use client';

import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import { getMDXComponent } from 'mdx-bundler/client/jsx';
import { mdxComponents } from '@/components/mdx/mdx-components';

// The app's own React goes into the MDX bundle, so hooks in lesson components share one React and one store.
const jsxGlobals = { React, ReactDOM, _jsx_runtime: jsxRuntime };

export function LessonBody({ code }: { code: string }) {
  const Component = React.useMemo(() => getMDXComponent(code, jsxGlobals), [code]);
  // The lesson component is compiled from its code once per lesson (memoised on `code`), the
  // pattern mdx-bundler documents; it is not recreated on re-render.
  // eslint-disable-next-line react-hooks/static-components
  return <Component components={mdxComponents as never} />;
}
