import { describe, expect, it } from 'vitest';
import {
  type CreateState,
  createReducer,
  initialCreateState,
} from '../../src/screens/create/reducer.js';
import type { Press } from '../../src/screens/shared/keys.js';
import { chunk, key } from './presses.js';

const run = (presses: Press[], state: CreateState = initialCreateState()) =>
  createReducer(state, { type: 'keys', presses });

describe('createReducer', () => {
  it('explains a short passphrase in place and stays on the field', () => {
    const s = run(chunk('short\r'));
    expect(s.focus).toBe('first');
    expect(s.error).toMatch(/too short.*at least 8/);
    // Typing again clears the explanation.
    expect(run(chunk('x'), s).error).toBeNull();
  });

  it('explains a mismatch, clears the confirmation and keeps the first passphrase', () => {
    const s = run([...chunk('correct horse\r'), ...chunk('correct hose\r')]);
    expect(s.focus).toBe('second');
    expect(s.second.value).toBe('');
    expect(s.first.value).toBe('correct horse');
    expect(s.error).toMatch(/differ/);
    expect(s.phase).toBe('typing');
  });

  it('asks to create once both match, with both fields in one chunk', () => {
    const s = run(chunk('correct horse\rcorrect horse\r'));
    expect(s.phase).toBe('creating');
    expect(s.passphrase).toBe('correct horse');
    // Keys while deriving change nothing.
    expect(run(chunk('x\r'), s)).toBe(s);
  });

  it('Esc goes back from the confirmation, and quits from the first field', () => {
    const back = run([...chunk('correct horse\r'), key('escape')]);
    expect(back.focus).toBe('first');
    expect(back.first.value).toBe('');
    expect(run([key('escape')], back).phase).toBe('quit');
  });

  it('starts over with the reason after a failed creation', () => {
    const s = createReducer(run(chunk('correct horse\rcorrect horse\r')), {
      type: 'failed',
      message: 'Permission denied',
    });
    expect(s).toMatchObject({
      phase: 'typing',
      focus: 'first',
      error: 'Permission denied',
      passphrase: null,
    });
  });
});
