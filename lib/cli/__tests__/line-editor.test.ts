import { describe, expect, it } from 'vitest';
import { complete, edit, emptyLine, render, submit } from '../line-editor';
import { initialState, runLine, Session } from '../index';

const type = (text: string) => edit(emptyLine(), { k: 'insert', text });

describe('line editing', () => {
  it('inserts, moves, deletes and kills words', () => {
    let st = type('aws lamda');
    st = edit(edit(st, { k: 'left' }), { k: 'left' });
    st = edit(st, { k: 'insert', text: 'b' });
    expect(st.buffer).toBe('aws lambda');
    expect(st.cursor).toBe(8);
    st = edit(edit(st, { k: 'end' }), { k: 'kill-word' });
    expect(st.buffer).toBe('aws ');
    st = edit(edit(st, { k: 'home' }), { k: 'delete' });
    expect(st.buffer).toBe('ws ');
    expect(edit(type('a\nb'), { k: 'home' }).buffer).toBe('a b');
  });
  it('browses history with up and down, keeping the unfinished line', () => {
    let st = submit(type('first')).next;
    st = submit({ ...st, ...type('second'), history: st.history, histIndex: st.history.length }).next;
    st = edit(st, { k: 'insert', text: 'draft' });
    st = edit(st, { k: 'up' });
    expect(st.buffer).toBe('second');
    st = edit(st, { k: 'up' });
    expect(st.buffer).toBe('first');
    st = edit(edit(st, { k: 'down' }), { k: 'down' });
    expect(st.buffer).toBe('draft');
  });
  it('renders a wrapped line with the cursor in place', () => {
    const r = render('$ ', { ...type('abcdefghij'), cursor: 3 }, 5, 0);
    expect(r.cursorRow).toBe(1);
    expect(r.seq).toContain('$ abcdefghij');
  });
});

describe('tab completion', () => {
  const s = new Session(initialState());
  runLine(s, 'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler index.handler --zip-file fileb://f.zip');
  it('completes services, commands and options', () => {
    expect(complete(s, type('aws lam')).next.buffer).toBe('aws lambda ');
    expect(complete(s, type('aws lambda get-function-conf')).next.buffer).toBe('aws lambda get-function-configuration ');
    const many = complete(s, type('aws lambda get-'));
    expect(many.candidates).toContain('get-function');
    expect(complete(s, type('aws lambda invoke --log-t')).next.buffer).toBe('aws lambda invoke --log-type ');
  });
  it('completes choices and resource names', () => {
    expect(complete(s, type('aws lambda invoke --invocation-type Ev')).next.buffer).toBe('aws lambda invoke --invocation-type Event ');
    expect(complete(s, type('aws lambda get-function --function-name or')).next.buffer).toBe('aws lambda get-function --function-name orders ');
    expect(complete(s, type('aws lambda list-functions --output ta')).next.buffer).toBe('aws lambda list-functions --output table ');
  });
});
