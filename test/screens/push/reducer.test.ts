import { describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/cloud/push.js';
import {
  initialPushState,
  KEEP,
  type PushState,
  pushReducer,
} from '../../../src/screens/push/reducer.js';
import { chunk, key } from '../presses.js';

const keys = (state: PushState, input: string | ReturnType<typeof key>) =>
  pushReducer(state, { type: 'keys', presses: typeof input === 'string' ? chunk(input) : [input] });
const result = (name: string, outcome: PushResult['outcome'], error?: string): PushResult => ({
  name,
  action: 'create',
  outcome,
  ok: outcome !== 'failed' && outcome !== 'skipped',
  ...(error ? { error, hint: 'do this' } : {}),
});
const pushing = (total = 3) =>
  pushReducer(keys(initialPushState(undefined, total), 'a'), { type: 'planned', count: total });

describe('pushReducer: asking', () => {
  it('Enter pushes the selected secret, a pushes all', () => {
    const asking = initialPushState('github-api-token', 12);
    expect(keys(asking, key('enter'))).toMatchObject({
      phase: 'preparing',
      names: ['github-api-token'],
    });
    expect(keys(asking, 'y').names).toEqual(['github-api-token']);
    expect(keys(asking, 'a')).toMatchObject({ phase: 'preparing', names: 'all' });
  });

  it('without a pushable selection (cloud-only row) Enter means all', () => {
    expect(keys(initialPushState(undefined, 4), key('enter')).names).toBe('all');
  });

  it('Esc, n and q go back; other keys wait', () => {
    const asking = initialPushState('x', 2);
    for (const p of [key('escape'), ...chunk('n'), ...chunk('q')]) {
      expect(pushReducer(asking, { type: 'keys', presses: [p] }).phase).toBe('back');
    }
    expect(keys(asking, 'z')).toBe(asking);
  });

  it('an empty vault has nothing to push: any key goes back', () => {
    expect(keys(initialPushState(undefined, 0), key('enter')).phase).toBe('back');
  });

  it('keys after the choice in the same chunk do not change it', () => {
    const s = keys(initialPushState('x', 3), 'a\u001b');
    expect(s).toMatchObject({ phase: 'preparing', names: 'all' });
  });
});

describe('pushReducer: progress', () => {
  it('keys are ignored while preparing and pushing: a started push runs to the end', () => {
    const preparing = keys(initialPushState('x', 3), 'a');
    expect(keys(preparing, key('escape'))).toBe(preparing);
    const s = pushing();
    expect(keys(s, 'q')).toBe(s);
  });

  it('tracks preparation, then one line per result with running counts', () => {
    let s = keys(initialPushState(undefined, 3), 'a');
    s = pushReducer(s, { type: 'preparing', done: 2, total: 3 });
    expect(s.prepared).toEqual({ done: 2, total: 3 });
    s = pushReducer(s, { type: 'planned', count: 3 });
    expect(s).toMatchObject({ phase: 'pushing', planned: 3 });
    for (const r of [
      result('a', 'created'),
      result('b', 'unchanged'),
      result('c', 'failed', 'HTTP 500'),
    ]) {
      s = pushReducer(s, { type: 'result', result: r });
    }
    expect(s.done).toBe(3);
    expect(s.counts).toEqual({ created: 1, updated: 0, unchanged: 1, failed: 1 });
    expect(s.failures.map((f) => f.name)).toEqual(['c']);
    s = pushReducer(s, { type: 'finished' });
    expect(s.phase).toBe('done');
    expect(keys(s, 'x').phase).toBe('back');
  });

  it('keeps a bounded tail of results for a large vault', () => {
    let s = pushing(KEEP + 50);
    for (let i = 0; i < KEEP + 50; i++) {
      s = pushReducer(s, { type: 'result', result: result(`s-${i}`, 'unchanged') });
    }
    expect(s.done).toBe(KEEP + 50);
    expect(s.recent).toHaveLength(KEEP);
    expect(s.recent.at(-1)!.name).toBe(`s-${KEEP + 49}`);
    expect(s.counts.unchanged).toBe(KEEP + 50);
  });

  it('a failure before sending shows the message and hint; any key goes back', () => {
    let s = keys(initialPushState('x', 1), key('enter'));
    s = pushReducer(s, {
      type: 'failed',
      message: 'No Lightning credentials found',
      hint: 'set them',
    });
    expect(s).toMatchObject({
      phase: 'failed',
      error: { message: 'No Lightning credentials found', hint: 'set them' },
    });
    expect(keys(s, key('enter')).phase).toBe('back');
  });

  it('ignores progress that arrives in the wrong phase', () => {
    const asking = initialPushState('x', 1);
    expect(pushReducer(asking, { type: 'result', result: result('x', 'created') })).toBe(asking);
    expect(pushReducer(asking, { type: 'planned', count: 1 })).toBe(asking);
    expect(pushReducer(asking, { type: 'finished' })).toBe(asking);
  });
});
