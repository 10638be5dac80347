'use client';

import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import { initialState, runLine, Session, type CliState, type CommandResult } from '@/lib/cli/index';
import { complete, edit, emptyLine, render, submit, type Key, type LineState } from '@/lib/cli/line-editor';

const PROMPT = '\x1b[1;32m$\x1b[0m ';

export interface TerminalViewProps {
  /** The account the terminal starts with (a scenario); an empty account when left out. */
  scenario?: Record<string, unknown>;
  /** Called after every command with the session state (labs grade it; the simulator page shows it). */
  onState?: (state: CliState, configChanged: boolean, line: string) => void;
  /** Commands replayed (and shown) before the first prompt, e.g. from a share link. */
  initialLines?: string[];
  /** Lines printed before the first prompt. */
  banner?: string;
  label?: string;
  rows?: number;
  /**
   * Keeps the session in step with something outside it (the simulator page): `before` runs before each
   * command and may change the session; `after` runs after it. The next prompt waits for both, and keys typed
   * meanwhile are kept and handled in order.
   */
  link?: TerminalLink;
  /** A session replayed already (a share link): the terminal shows its commands and outputs and goes on from it. */
  restore?: { session: Session; results: { line: string; result: CommandResult }[] };
}

export interface TerminalLink {
  before: (session: Session, line: string) => Promise<void> | void;
  after: (session: Session, line: string) => Promise<void> | void;
}

/** Keys the line editor understands, from xterm's key events. */
function keyOf(e: KeyboardEvent): Key | 'enter' | 'tab' | 'cancel' | 'clear' | null {
  if (e.key === 'Enter') return 'enter';
  if (e.key === 'Tab') return 'tab';
  if (e.ctrlKey && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'c') return 'cancel';
    if (k === 'l') return 'clear';
    if (k === 'a') return { k: 'home' };
    if (k === 'e') return { k: 'end' };
    if (k === 'u') return { k: 'kill-line' };
    if (k === 'k') return { k: 'kill-end' };
    if (k === 'w') return { k: 'kill-word' };
    if (e.key === 'ArrowLeft') return { k: 'word-left' };
    if (e.key === 'ArrowRight') return { k: 'word-right' };
    return null;
  }
  switch (e.key) {
    case 'Backspace':
      return { k: 'backspace' };
    case 'Delete':
      return { k: 'delete' };
    case 'ArrowLeft':
      return { k: 'left' };
    case 'ArrowRight':
      return { k: 'right' };
    case 'ArrowUp':
      return { k: 'up' };
    case 'ArrowDown':
      return { k: 'down' };
    case 'Home':
      return { k: 'home' };
    case 'End':
      return { k: 'end' };
  }
  return null;
}

/**
 * An xterm.js terminal wired to the simulated CLI. The line editing, history and completion live in
 * lib/cli/line-editor; this component only forwards keys and writes output.
 */
export default function TerminalView({ scenario, onState, initialLines, banner, label = 'Simulated AWS CLI terminal', rows = 18, link, restore }: TerminalViewProps) {
  const host = useRef<HTMLDivElement>(null);
  // A plain-text copy of recent commands and their output, for screen readers (xterm shows only the viewport).
  const [transcript, setTranscript] = useState<{ n: number; text: string }[]>([]);
  const onStateRef = useRef(onState);
  const linkRef = useRef(link);
  useEffect(() => {
    onStateRef.current = onState;
    linkRef.current = link;
  }, [onState, link]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const dark = document.documentElement.classList.contains('dark');
    const term = new Terminal({
      rows,
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 13,
      theme: dark ? { background: '#020617', foreground: '#e2e8f0' } : { background: '#0f172a', foreground: '#e2e8f0' },
    });
    term.open(el);
    // xterm's screen-reader rows are built when the terminal first gets focus, not at load: building them measures
    // every row (a forced layout each), about 250 ms of a throttled phone's load. Output also reaches screen
    // readers through the transcript log below.
    term.textarea?.addEventListener(
      'focus',
      () => {
        term.options.screenReaderMode = true;
      },
      { once: true },
    );
    // Fit the columns to the width we have: measure one character in the terminal's font.
    const probe = document.createElement('span');
    probe.textContent = 'W'.repeat(20);
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font-size:13px;font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
    el.appendChild(probe);
    const fit = () => {
      const cw = probe.getBoundingClientRect().width / 20 || 7.8;
      // Leave room for the padding and xterm's scroll bar.
      const cols = Math.max(20, Math.floor((el.clientWidth - 24) / cw));
      if (cols !== term.cols) term.resize(cols, rows);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);

    const session = restore?.session ?? new Session(initialState(scenario));
    let st: LineState = emptyLine();
    let cursorRow = 0;
    const draw = () => {
      const r = render(PROMPT, st, term.cols, cursorRow);
      cursorRow = r.cursorRow;
      term.write(r.seq);
    };
    const newPrompt = () => {
      cursorRow = 0;
      st = { ...st, buffer: '', cursor: 0 };
      term.write(PROMPT);
    };

    const runCommand = (line: string) => {
      if (line.trim() === 'clear') {
        term.clear();
        return;
      }
      const before = JSON.stringify(session.state.scenario);
      const r = runLine(session, line);
      show(line, r);
      onStateRef.current?.(session.state, JSON.stringify(session.state.scenario) !== before, line);
    };
    function show(line: string, r: CommandResult) {
      if (r.stdout) term.writeln(r.stdout);
      if (r.stderr) term.writeln(`\x1b[31m${r.stderr.replace(/^\n/, '')}\x1b[0m`);
      if (r.exitCode !== 0) term.writeln(`\x1b[2m[exit ${r.exitCode}]\x1b[0m`);
      const entry = [`$ ${line}`, r.stdout, r.stderr.replace(/^\n/, ''), r.exitCode !== 0 ? `[exit ${r.exitCode}]` : ''].filter(Boolean).join('\n');
      setTranscript((t) => [...t.slice(-19), { n: (t[t.length - 1]?.n ?? 0) + 1, text: entry }]);
    }

    term.writeln(banner ?? 'Simulated AWS CLI. Type help, or aws lambda <Tab>. sleep N lets simulated time pass.');
    for (const { line, result } of restore?.results ?? []) {
      term.writeln(`${PROMPT}${line}`);
      show(line, result);
      st = submit({ ...st, buffer: line, cursor: line.length }).next;
    }
    for (const line of initialLines ?? []) {
      term.writeln(`${PROMPT}${line}`);
      runCommand(line);
      st = submit({ ...st, buffer: line, cursor: line.length }).next;
    }
    term.write(PROMPT);

    // While a linked command waits for the page, keys are queued and replayed in order afterwards.
    let busy = false;
    const queued: (() => void)[] = [];
    const drain = () => {
      while (!busy && queued.length) queued.shift()!();
    };
    const handleKey = (k: NonNullable<ReturnType<typeof keyOf>>) => {
      if (busy) {
        queued.push(() => handleKey(k));
        return;
      }
      if (k === 'enter') {
        const { line, next } = submit(st);
        st = { ...st, cursor: st.buffer.length };
        draw();
        term.write('\r\n');
        st = next;
        const linked = linkRef.current;
        if (!linked || !line.trim() || line.trim() === 'clear') {
          runCommand(line);
          newPrompt();
          return;
        }
        busy = true;
        void (async () => {
          try {
            await linked.before(session, line);
            runCommand(line);
            await linked.after(session, line);
          } catch (err) {
            term.writeln(`\x1b[31mThe simulator page could not follow: ${err instanceof Error ? err.message : String(err)}\x1b[0m`);
          } finally {
            busy = false;
            newPrompt();
            drain();
          }
        })();
      } else if (k === 'tab') {
        const r = complete(session, st);
        if (r.candidates.length > 1) {
          term.write('\r\n');
          term.writeln(r.candidates.slice(0, 60).join('  '));
          cursorRow = 0;
        }
        st = r.next;
        draw();
      } else if (k === 'cancel') {
        term.write('^C\r\n');
        st = emptyLine(st.history);
        newPrompt();
      } else if (k === 'clear') {
        term.clear();
        cursorRow = 0;
        draw();
      } else {
        st = edit(st, k);
        draw();
      }
    };
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      // Let the browser copy a selection.
      if (e.ctrlKey && e.key.toLowerCase() === 'c' && term.hasSelection()) return false;
      const k = keyOf(e);
      if (k === null) return true;
      e.preventDefault();
      handleKey(k);
      return false;
    });
    const insert = (data: string) => {
      if (busy) {
        queued.push(() => insert(data));
        return;
      }
      st = edit(st, { k: 'insert', text: data });
      draw();
    };
    const sub = term.onData((data) => {
      // Printable input and pastes arrive here; control keys were handled above.
      if (data.startsWith('\x1b') || data === '\r' || data === '\x7f' || data === '\t') return;
      insert(data);
    });
    return () => {
      sub.dispose();
      ro.disconnect();
      term.dispose();
    };
    // The terminal keeps its own session; a new scenario remounts it (the parent changes the key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div>
      <div ref={host} role="application" aria-label={label} className="min-h-[17.625rem] overflow-hidden rounded-xl bg-slate-900 p-1.5" data-testid="cli-terminal" />
      <div role="log" aria-label="Terminal output" className="sr-only" data-testid="cli-transcript">
        {transcript.map((e) => (
          <pre key={e.n}>{e.text}</pre>
        ))}
      </div>
    </div>
  );
}
