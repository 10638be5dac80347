'use client';

import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, RangeSetBuilder } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { problemOffset, toEditorDiagnostics } from '@/lib/packs/editor-diagnostics';
import { hangingIndent } from '@/lib/packs/editor-wrap';
import { browserParseOptions, runParseJob, type ParseOutcome } from './parse-client';

/**
 * The pack editor's text area: CodeMirror 6 with YAML highlighting, and the pack checked in the parser worker
 * (the Packs page's own import check) after each pause in typing. Problems come back as lint marks on their lines;
 * the page gets the same result for its problem list and preview. Loaded on its own, only by /packs/edit/.
 */

export interface YamlEditorHandle {
  /** Replaces the whole text as one undoable change, so Ctrl+Z brings the old text back. */
  setText: (text: string) => void;
  /** Moves the cursor to a 1-based line and column and focuses the editor. */
  goTo: (line: number, column: number) => void;
}

export interface CheckedText {
  text: string;
  outcome: Exclude<ParseOutcome, { kind: 'cancelled' }>;
}

/** The editor's height; the loading placeholder in pack-editor.tsx has the same (h-[max(18rem,60vh)]). */
const EDITOR_HEIGHT = 'max(18rem, 60vh)';

/** Colours from the page's CSS variables (app/globals.css, `.pack-yaml`), so light and dark themes both pass contrast. */
const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--yaml-key)', fontWeight: '600' },
  { tag: tags.string, color: 'var(--yaml-string)' },
  { tag: tags.special(tags.string), color: 'var(--yaml-meta)' },
  { tag: tags.lineComment, color: 'var(--yaml-comment)', fontStyle: 'italic' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace, tags.meta], color: 'var(--yaml-punct)' },
  { tag: [tags.labelName, tags.typeName, tags.keyword], color: 'var(--yaml-meta)' },
]);

const theme = EditorView.theme({
  // The host div holds the height (the placeholder's, from pack-editor.tsx) and the editor fills it: growing with
  // the text as it loaded pushed the status and preview down (layout shift 0.18 on a phone).
  '&': { color: 'var(--yaml-fg)', backgroundColor: 'var(--yaml-bg)', fontSize: '0.875rem', borderRadius: '0.75rem', height: '100%' },
  '&.cm-focused': { outline: '2px solid var(--yaml-focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--yaml-fg)', paddingBlock: '0.5rem' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--yaml-fg)' },
  '.cm-gutters': { backgroundColor: 'var(--yaml-gutter-bg)', color: 'var(--yaml-gutter-fg)', borderRight: '1px solid var(--yaml-border)', borderTopLeftRadius: '0.75rem', borderBottomLeftRadius: '0.75rem' },
  '.cm-activeLine': { backgroundColor: 'var(--yaml-active)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--yaml-active)', color: 'var(--yaml-fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--yaml-selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--yaml-bg)', color: 'var(--yaml-fg)', border: '1px solid var(--yaml-border)' },
});

function hangingDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const n = hangingIndent(line.text);
      if (n > 0) builder.add(line.from, line.from, Decoration.line({ attributes: { style: `padding-left: calc(${n}ch + 6px); text-indent: -${n}ch` } }));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

// Stems and "why" texts wrap; without this their second row would start at the left edge, under the keys.
const wrapUnderValue = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = hangingDecorations(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = hangingDecorations(u.view);
    }
  },
  { decorations: (p) => p.decorations },
);

export function YamlEditor({
  ref,
  initialText,
  labelledBy,
  describedBy,
  onChange,
  onChecked,
}: {
  ref?: Ref<YamlEditorHandle>;
  initialText: string;
  labelledBy: string;
  describedBy: string;
  onChange: (text: string) => void;
  onChecked: (checked: CheckedText) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is built once; these keep its listeners calling the latest props.
  const onChangeRef = useRef(onChange);
  const onCheckedRef = useRef(onChecked);
  useEffect(() => {
    onChangeRef.current = onChange;
    onCheckedRef.current = onChecked;
  });
  const initial = useRef(initialText);

  useImperativeHandle(ref, () => ({
    setText(text) {
      const v = view.current;
      if (!v) return;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, selection: EditorSelection.cursor(0), scrollIntoView: true });
    },
    goTo(line, column) {
      const v = view.current;
      if (!v) return;
      const at = problemOffset(v.state.doc.toString(), line, column);
      v.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      v.focus();
    },
  }));

  useEffect(() => {
    if (!host.current) return;
    let controller: AbortController | undefined;
    const check = linter(
      async (v): Promise<Diagnostic[]> => {
        const text = v.state.doc.toString();
        // A newer check makes this one useless: stop its worker rather than let it run to the end.
        controller?.abort();
        const mine = new AbortController();
        controller = mine;
        const outcome = await runParseJob({ text, fileName: 'editor.yaml', format: 'pack' }, browserParseOptions(mine.signal));
        if (outcome.kind === 'cancelled') return [];
        onCheckedRef.current({ text, outcome });
        if (outcome.kind !== 'done') return [];
        const r = outcome.result;
        return toEditorDiagnostics(text, [...(r.ok ? [] : r.errors), ...r.warnings]).map((d) => ({
          from: d.from,
          to: d.to,
          severity: d.severity,
          message: `Line ${d.line}, column ${d.column}: ${d.message}`,
        }));
      },
      { delay: 350 },
    );
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          yaml(),
          syntaxHighlighting(highlight),
          EditorState.tabSize.of(2),
          // Tab indents, as authors of YAML expect; Escape then Tab (or Ctrl+M) leaves the editor (documented on the page).
          keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          check,
          theme,
          EditorView.lineWrapping,
          wrapUnderValue,
          // tabindex: the text is focusable anyway (contenteditable), but axe only counts tabindex when it checks that
          // the scrolling box has something focusable in it.
          EditorView.contentAttributes.of({ tabindex: '0', 'aria-labelledby': labelledBy, 'aria-describedby': describedBy, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      controller?.abort();
      v.destroy();
      view.current = null;
    };
  }, [labelledBy, describedBy]);

  // Sized before CodeMirror mounts in the effect: an empty host collapsed between the placeholder and the editor,
  // and the status row and preview jumped up and back (layout shift 0.15 on a phone).
  return <div ref={host} style={{ height: EDITOR_HEIGHT }} className="pack-yaml min-w-0 rounded-xl border border-slate-300 dark:border-slate-700" data-testid="pack-yaml-editor" />;
}
