import { stringify } from 'yaml';
import { parsePack, type ParsePackOptions, type ParsePackResult, type Problem } from '../index';

/** A valid question in the exam's shape; tests copy it and break one thing. */
export function goodQuestion(id = 'async-retries-001'): Record<string, unknown> {
  return {
    id,
    type: 'single',
    domain: 2,
    topics: ['async', 'retries'],
    lessons: ['async-invocation'],
    difficulty: 'medium',
    stem: 'After an asynchronous invocation fails with a function error, how many times does Lambda retry it by default?',
    options: [
      { text: 'Never', correct: false, why: 'Lambda retries asynchronous invocations after function errors.' },
      { text: 'Up to two more times', correct: true, why: 'MaximumRetryAttempts defaults to 2.' },
      { text: 'Up to five more times', correct: false, why: 'The setting allows 0 to 2 retries.' },
      { text: 'Until the event is six hours old', correct: false, why: 'That limit applies to throttles and service errors.' },
    ],
    explanation: 'Function errors are retried up to MaximumRetryAttempts (default 2).',
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html'],
  };
}

export function goodMultiple(id = 'metrics-throttles-001'): Record<string, unknown> {
  return {
    id,
    type: 'multiple',
    domain: 1,
    topics: ['cloudwatch-metrics', 'throttling'],
    lessons: ['monitoring-metrics-alarms'],
    difficulty: 'hard',
    stem: 'Which metrics show that a function is being throttled? (Choose two.)',
    options: [
      { text: 'Throttles', correct: true, why: 'It counts throttled requests.' },
      { text: 'ConcurrentExecutions', correct: true, why: 'It shows the limit being reached.' },
      { text: 'Invocations', correct: false, why: 'Throttled requests are not counted.' },
      { text: 'IteratorAge', correct: false, why: 'Only for stream sources.' },
      { text: 'Duration', correct: false, why: 'It measures run time.' },
    ],
    explanation: 'Throttles and ConcurrentExecutions together show throttling.',
  };
}

export function goodPack(questions: Array<Record<string, unknown>> = [goodQuestion(), goodMultiple()]): Record<string, unknown> {
  return { format: 1, id: 'test-pack', title: 'Test pack', version: '1.0.0', author: 'Tests', questions };
}

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

/** 1-based line of the first occurrence of `needle` (after `from`, if given). */
export function lineOf(text: string, needle: string, from?: string): number {
  const start = from === undefined ? 0 : text.indexOf(from);
  const at = text.indexOf(needle, Math.max(0, start));
  if (at === -1) throw new Error(`"${needle}" not in text`);
  return text.slice(0, at).split('\n').length;
}

export function check(value: unknown, options?: ParsePackOptions, fileName = 'pack.yaml'): { text: string; result: ParsePackResult } {
  const text = typeof value === 'string' ? value : toYaml(value);
  return { text, result: parsePack(text, fileName, options) };
}

export function errorsOf(result: ParsePackResult): Problem[] {
  return result.ok ? [] : result.errors;
}

/** Finds the one error whose message matches; fails the test with every error listed if there is none. */
export function findError(result: ParsePackResult, message: RegExp): Problem {
  const errors = errorsOf(result);
  const hit = errors.find((e) => message.test(e.message));
  if (!hit) throw new Error(`no error matching ${String(message)}; got:\n${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n') || '(none)'}`);
  return hit;
}

export function findWarning(result: ParsePackResult, message: RegExp): Problem {
  const hit = result.warnings.find((e) => message.test(e.message));
  if (!hit) throw new Error(`no warning matching ${String(message)}; got:\n${result.warnings.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n') || '(none)'}`);
  return hit;
}

/** The same question, raised to the core bank's standard: a style, a tag on every wrong option, a reference. */
export function meetBankStandard(q: Record<string, unknown>): Record<string, unknown> {
  const options = (q.options as Array<Record<string, unknown>>).map((o) => (o.correct === true ? o : { ...o, misconception: 'async-retry-count' }));
  const references = Array.isArray(q.references) && q.references.length > 0 ? q.references : ['https://docs.aws.amazon.com/lambda/latest/dg/welcome.html'];
  return { ...q, style: 'scenario', options, references };
}
