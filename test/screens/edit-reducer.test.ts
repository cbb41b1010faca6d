import { describe, expect, it } from 'vitest';
import {
  type EditState,
  editReducer,
  initialEditState,
  nameProblem,
} from '../../src/screens/edit/reducer.js';
import type { Press } from '../../src/screens/shared/keys.js';
import { chunk, key } from './presses.js';

const add = () => initialEditState(undefined, new Set(['taken-name']));
const run = (presses: Press[], state: EditState = add()) =>
  editReducer(state, { type: 'keys', presses });

describe('editReducer: adding', () => {
  it('validates the name as it is typed, with the fix', () => {
    const s = run(chunk('github api token'));
    expect(nameProblem(s)).toMatch(/use github_api_token/);
    expect(nameProblem(run(chunk('github_api_token')))).toBeNull();
    expect(run([key('enter')], s).focus).toBe('name');
    expect(nameProblem(run(chunk('taken-name')))).toMatch(/exists/);
    expect(nameProblem(run(chunk('fine-name')))).toBeNull();
    expect(nameProblem(add())).toBeNull();
  });

  it('the fix keeps the case typed, the rule import follows (OPENAI_API_KEY stays as is)', () => {
    expect(nameProblem(run(chunk('OPENAI API KEY')))).toMatch(/use OPENAI_API_KEY /);
    expect(nameProblem(run(chunk('OPENAI_API_KEY')))).toBeNull();
  });

  it('Enter on the name moves to the value, Enter on the value saves', () => {
    let s = run(chunk('api-key'));
    s = run([key('enter')], s);
    expect(s.focus).toBe('value');
    s = run(chunk('s3cr3t'), s);
    s = run([key('enter')], s);
    expect(s).toMatchObject({
      phase: 'saving',
      save: { name: 'api-key', source: { kind: 'text', value: 's3cr3t' } },
    });
  });

  it('takes name and value typed fast in one chunk', () => {
    const s = run(chunk('api-key\rs3cr3t\r'));
    expect(s.save).toEqual({ name: 'api-key', source: { kind: 'text', value: 's3cr3t' } });
  });

  it('keeps the line breaks of a pasted multi-line value instead of saving at the first', () => {
    let s = run(chunk('pem\r'));
    s = run(chunk('-----BEGIN KEY-----\rabc\r-----END KEY-----\r'), s);
    expect(s.phase).toBe('typing');
    expect(s.value.value).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----\n');
    s = run([key('enter')], s);
    expect(s.save?.source).toEqual({
      kind: 'text',
      value: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n',
    });
  });

  it('refuses an empty value with a way forward', () => {
    const s = run(chunk('api-key\r\r'));
    expect(s.phase).toBe('typing');
    expect(s.error).toMatch(/empty.*Tab/);
  });

  it('Tab switches the value to a file path and back', () => {
    let s = run([...chunk('pem-key\r'), key('tab')]);
    expect(s.fromFile).toBe(true);
    s = run(chunk('~/keys/deploy.pem\r'), s);
    expect(s.save).toEqual({
      name: 'pem-key',
      source: { kind: 'file', path: '~/keys/deploy.pem' },
    });
    const back = run([key('tab')], run([...chunk('x\r'), key('tab')]));
    expect(back.fromFile).toBe(false);
    expect(run([key('enter')], run([...chunk('x\r'), key('tab')])).error).toMatch(/path/);
  });

  it('Up goes back to the name; Esc cancels from anywhere', () => {
    expect(run([...chunk('a\r'), key('up')]).focus).toBe('name');
    expect(run([key('escape')]).phase).toBe('cancel');
    expect(run([...chunk('a\rvalue'), key('escape')]).phase).toBe('cancel');
  });

  it('shows why a save failed and lets the user try again', () => {
    const saving = run(chunk('api-key\rv\r'));
    const failed = editReducer(saving, { type: 'failed', message: 'No such file' });
    expect(failed).toMatchObject({
      phase: 'typing',
      save: null,
      error: 'No such file',
      focus: 'value',
    });
  });
});

describe('editReducer: editing', () => {
  it('starts on the value with the name fixed, and replaces it', () => {
    const start = initialEditState('existing', new Set(['existing']));
    expect(start).toMatchObject({ mode: 'edit', focus: 'value' });
    expect(nameProblem(start)).toBeNull();
    expect(run([key('up')], start).focus).toBe('value');
    expect(run(chunk('new value\r'), start).save).toEqual({
      name: 'existing',
      source: { kind: 'text', value: 'new value' },
    });
  });
});
