import { describe, expect, it } from 'vitest';
import { dropAttempt, EMPTY_SESSIONS, migrateQuizSessions, putAttempt, sourceKey, unfinished, viewFor, type QuizAttempt } from '../sessions';

const attempt = (source: string, index = 1, id = 'a1'): QuizAttempt => ({ id, source, keys: ['p/q1', 'p/q2', 'p/q3'], index, answers: { 'p/q1': { correct: true, selected: [0] } } });

describe('quizzes in progress, one per source', () => {
  it('the URL names the quiz: another source shows its own set-up, never the quiz in progress', () => {
    const s = putAttempt(EMPTY_SESSIONS, attempt('lesson=async-invocation'));
    expect(viewFor(s, 'lesson=async-invocation')).toMatchObject({ kind: 'attempt' });
    expect(viewFor(s, 'domain=1')).toEqual({ kind: 'setup', source: { kind: 'domain', domain: 1 } });
    expect(viewFor(s, null)).toEqual({ kind: 'setup', source: null });
  });

  it('asks once whether to resume an unfinished quiz of the source the URL names; several are kept apart', () => {
    let s = putAttempt(EMPTY_SESSIONS, attempt('lesson=async-invocation'));
    s = putAttempt(s, attempt('domain=1', 2, 'a2'));
    expect(viewFor(s, 'lesson=async-invocation')).toMatchObject({ kind: 'ask-resume', attempt: { id: 'a1' } });
    expect(unfinished(s).map((a) => a.id)).toEqual(['a1', 'a2']);
    // Resuming makes it current: a reload then shows it without asking again.
    s = putAttempt(s, s.attempts['lesson=async-invocation']!);
    expect(viewFor(s, 'lesson=async-invocation')).toMatchObject({ kind: 'attempt', attempt: { id: 'a1' } });
    expect(s.attempts['domain=1']?.index).toBe(2);
    s = dropAttempt(s, 'domain=1');
    expect(viewFor(s, 'domain=1')).toMatchObject({ kind: 'setup' });
  });

  it('a finished quiz is not offered for resuming', () => {
    const s = { ...putAttempt(EMPTY_SESSIONS, attempt('topic=sqs', 3)), current: undefined };
    expect(viewFor(s, 'topic=sqs')).toMatchObject({ kind: 'setup' });
  });

  it('upgrades a version 1 single attempt and ignores unreadable data', () => {
    const v1 = { v: 1, id: 'old', source: { kind: 'lesson', lesson: 'concurrency' }, keys: ['p/q1'], index: 0, answers: {} };
    const s = migrateQuizSessions(null, v1);
    expect(s.attempts['lesson=concurrency']).toMatchObject({ id: 'old', source: 'lesson=concurrency' });
    expect(s.current).toBe('lesson=concurrency');
    expect(migrateQuizSessions('garbage', { v: 1, source: 'x' })).toEqual(EMPTY_SESSIONS);
    expect(sourceKey({ kind: 'domain', domain: 3 })).toBe('domain=3');
  });
});
