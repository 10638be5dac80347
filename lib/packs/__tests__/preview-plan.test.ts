import { describe, expect, it } from 'vitest';
import { convertGift } from '../index';
import { planPreview, previewCounts } from '../preview-plan';

const SOURCE = `$CATEGORY: $course$/top/Async

::a::Which service retries a failed asynchronous event?{=Lambda#Right.~The caller~Nobody~Amazon SQS}

::short::Name the service that stores function logs.{=CloudWatch Logs}

::b::[html]Which <b>metric</b> counts throttled requests?{=Throttles#Yes.~Errors#No.~Duration#No.~Invocations#No.}

::tf::Lambda functions run on servers you manage.{F}
`;

describe('planPreview', () => {
  it('puts each warning next to its question and refused questions in their place', () => {
    const r = convertGift(SOURCE, 'week.gift', { id: 'week', title: 'Week', author: 'T', domain: 2 });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const plan = planPreview(r.pack.questions.length, r.warnings, r.sources);
    expect(plan.entries.map((e) => (e.kind === 'refused' ? `refused@${e.line}` : `${r.pack.questions[e.index]?.id}:${e.problems.map((p) => p.code).join(',')}`))).toEqual([
      'a:no-feedback',
      'refused@5',
      'b:html-stripped',
      'tf:no-feedback',
    ]);
    expect(plan.file.map((p) => p.code)).toEqual(expect.arrayContaining(['no-lesson']));
    expect(previewCounts(plan)).toEqual({ flagged: 3, refused: 1, noFeedback: 2 });
  });

  it('places a YAML pack problem by its path', () => {
    const plan = planPreview(2, [
      { severity: 'warning', code: 'no-explanation', line: 30, column: 5, path: 'questions[1]', message: 'x' },
      { severity: 'warning', code: 'no-lesson', line: 1, column: 1, path: '', message: 'y' },
    ]);
    expect(plan.entries.map((e) => (e.kind === 'question' ? e.problems.length : -1))).toEqual([0, 1]);
    expect(plan.file).toHaveLength(1);
  });
});
