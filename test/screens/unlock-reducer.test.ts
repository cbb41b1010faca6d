import { describe, expect, it } from 'vitest';
import type { Press } from '../../src/screens/shared/keys.js';
import {
  initialUnlockState,
  type UnlockState,
  unlockReducer,
  WRONG,
} from '../../src/screens/unlock/reducer.js';
import { chunk, key } from './presses.js';

const run = (presses: Press[], state: UnlockState = initialUnlockState()) =>
  unlockReducer(state, { type: 'keys', presses });

describe('unlockReducer', () => {
  it('tries the typed passphrase on Enter, keeping the keys after it for the next screen', () => {
    const s = run(chunk('secret pass\rmore'));
    expect(s).toMatchObject({ phase: 'unlocking', attempt: 'secret pass' });
    expect(s.pending).toEqual([{ type: 'text', text: 'more' }]);
  });

  it('asks for something before trying an empty passphrase', () => {
    expect(run([key('enter')])).toMatchObject({
      phase: 'typing',
      error: expect.stringMatching(/Type/),
    });
  });

  it('says "Wrong passphrase" and lets the user retry', () => {
    const wrong = unlockReducer(run(chunk('nope\r')), { type: 'wrong' });
    expect(wrong).toMatchObject({ phase: 'typing', attempt: null, error: WRONG });
    expect(wrong.field.value).toBe('');
    expect(run(chunk('right one\r'), wrong)).toMatchObject({ phase: 'unlocking', error: null });
  });

  it('tries LSEC_PASSPHRASE at once', () => {
    expect(initialUnlockState('from env')).toMatchObject({
      phase: 'unlocking',
      attempt: 'from env',
    });
    expect(initialUnlockState('')).toMatchObject({ phase: 'typing', attempt: null });
  });

  it('after damage, any key leaves', () => {
    const damaged = unlockReducer(run(chunk('x\r')), {
      type: 'damaged',
      damage: { message: 'bad MAC' },
    });
    expect(damaged.phase).toBe('damaged');
    expect(run(chunk('z'), damaged).phase).toBe('leave');
  });

  it('Esc quits', () => {
    expect(run([key('escape')]).phase).toBe('quit');
  });
});
