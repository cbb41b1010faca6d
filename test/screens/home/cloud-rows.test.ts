// Home's cloud-only rows: merged into the list, marked, and refused by keys that
// need a local value; a reload keeps the selected secret selected.
import { describe, expect, it } from 'vitest';
import {
  type HomeState,
  homeReducer,
  initialHomeState,
  selectedName,
} from '../../../src/screens/home/reducer.js';
import { homeRows, sameNames } from '../../../src/screens/home/rows.js';
import type { SecretMeta } from '../../../src/store/vault-format.js';
import { chunk, key } from '../presses.js';

const meta = (name: string): SecretMeta => ({
  name,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
});
const web = (name: string) => ({ id: `id-${name}`, name, createdAt: '2025-02-01T00:00:00Z' });
const local = ['alpha', 'delta', 'omega'].map(meta);
const run = (state: HomeState, input: string | ReturnType<typeof key>) =>
  homeReducer(state, { type: 'keys', presses: typeof input === 'string' ? chunk(input) : [input] });

describe('homeRows', () => {
  it('merges cloud-only secrets into the sorted list, marked and dated by the cloud', () => {
    // Both inputs sorted by UTF-16 code units, as vault.list() and SyncScan sort.
    const rows = homeRows(local, [web('Zed'), web('beta'), web('zulu')]);
    expect(rows.map((r) => r.name)).toEqual(['Zed', 'alpha', 'beta', 'delta', 'omega', 'zulu']);
    expect(rows.find((r) => r.name === 'beta')).toEqual({
      name: 'beta',
      createdAt: '2025-02-01T00:00:00Z',
      updatedAt: '2025-02-01T00:00:00Z',
      cloudOnly: true,
    });
    expect(rows.find((r) => r.name === 'alpha')?.cloudOnly).toBeUndefined();
  });

  it('returns the local list itself when the cloud adds nothing', () => {
    expect(homeRows(local)).toBe(local);
    expect(homeRows(local, [])).toBe(local);
  });

  it('sameNames compares names in order', () => {
    expect(sameNames([web('a')], [{ name: 'a' }])).toBe(true);
    expect(sameNames(undefined, [])).toBe(true);
    expect(sameNames([web('a')], [web('b')])).toBe(false);
  });
});

describe('homeReducer with cloud-only rows', () => {
  const rows = homeRows(local, [web('beta')]);
  const onBeta = run(initialHomeState(rows, 5), 'j');

  it('e, Enter, d and r say there is no local value, and open nothing', () => {
    expect(selectedName(onBeta)).toBe('beta');
    for (const [input, verb] of [
      ['e', 'edit'],
      [key('enter'), 'edit'],
      ['d', 'delete'],
      ['r', 'reveal'],
    ] as const) {
      const s = run(onBeta, input);
      expect(s.request).toBeNull();
      expect(s.message).toEqual({
        tone: 'info',
        text: `beta exists only in the cloud: no local value to ${verb}`,
      });
    }
  });

  it('p opens the push screen with the selected name, local or cloud-only', () => {
    const s = run(onBeta, 'p');
    expect(s.request?.command.type).toBe('open');
    if (s.request?.command.type === 'open') {
      expect(s.request.command.route(s.request.name)).toEqual({ screen: 'push', name: 'beta' });
    }
  });

  it('a reload that adds rows above keeps the same secret selected', () => {
    const onDelta = run(initialHomeState(local, 5), 'j');
    expect(selectedName(onDelta)).toBe('delta');
    const s = homeReducer(onDelta, {
      type: 'load',
      secrets: homeRows(local, [web('aardvark'), web('beta')]),
    });
    expect(selectedName(s)).toBe('delta');
  });

  it('a reload keeps a revealed value while its row stays selected', () => {
    let s = homeReducer(initialHomeState(local, 5), {
      type: 'revealed',
      name: 'alpha',
      value: 'v',
    });
    s = homeReducer(s, { type: 'load', secrets: homeRows(local, [web('beta')]) });
    expect(s.revealed).toEqual({ name: 'alpha', value: 'v' });
  });
});
