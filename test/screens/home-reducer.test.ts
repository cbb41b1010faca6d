import { describe, expect, it } from 'vitest';
import { HOME_BINDINGS, homeHelp, statusHints } from '../../src/screens/home/bindings.js';
import {
  type HomeState,
  homeReducer,
  initialHomeState,
  makeHomeReducer,
  selectedName,
} from '../../src/screens/home/reducer.js';
import type { Press } from '../../src/screens/shared/keys.js';
import type { SecretMeta } from '../../src/store/vault-format.js';
import { chunk, key, text } from './presses.js';

const meta = (name: string): SecretMeta => ({
  name,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T03:04:00.000Z',
});
const NAMES = ['alpha', 'beta', 'Gamma-Key', 'delta', 'epsilon'];
const home = (names = NAMES, height = 3) => initialHomeState(names.map(meta), height);
const run = (presses: Press[], state: HomeState = home()) =>
  homeReducer(state, { type: 'keys', presses });
const route = (s: HomeState) =>
  s.request?.command.type === 'open' ? s.request.command.route(s.request.name) : undefined;

describe('homeReducer: moving', () => {
  it('Down and Enter in ONE chunk open the second item', () => {
    const s = run([key('down'), key('enter')]);
    expect(route(s)).toEqual({ screen: 'edit', name: 'beta' });
  });

  it('j/k typed together are several moves; arrows, pages and Home/End move too', () => {
    let s = run(chunk('jjj'));
    expect(selectedName(s)).toBe('delta');
    expect(s.list.offset).toBe(1);
    s = run(chunk('k'), s);
    expect(selectedName(s)).toBe('Gamma-Key');
    expect(selectedName(run([key('end')], s))).toBe('epsilon');
    expect(selectedName(run([key('home')], s))).toBe('alpha');
    expect(selectedName(run([key('pageDown')]))).toBe('delta');
  });

  it('d then y in one chunk asks to delete the selected secret (y is for the next screen)', () => {
    const s = run(chunk('jd'));
    expect(route(s)).toEqual({ screen: 'delete', name: 'beta' });
  });
});

describe('homeReducer: filter', () => {
  it('/ filters incrementally and case-insensitively; Enter keeps it, Esc clears it', () => {
    let s = run(chunk('/AL'));
    expect(s.filtering).toBe(true);
    expect(s.shown.map((i) => s.all[i]!.name)).toEqual(['alpha']);
    s = run([key('backspace')], s);
    expect(s.shown.map((i) => s.all[i]!.name)).toEqual(['alpha', 'beta', 'Gamma-Key', 'delta']);
    s = run(chunk('mma\r'), s);
    expect(s.filtering).toBe(false);
    expect(s.filter.value).toBe('Amma');
    expect(s.shown.map((i) => s.all[i]!.name)).toEqual(['Gamma-Key']);
    // The letters of the filter are not commands while typing it.
    expect(s.request).toBeNull();
    s = run([key('escape')], run(chunk('/'), s));
    expect(s.filter.value).toBe('');
    expect(s.shown).toHaveLength(5);
  });

  it('Esc on the list clears a kept filter; j and k are letters while filtering', () => {
    let s = run(chunk('/jk'));
    expect(s.filter.value).toBe('jk');
    expect(s.shown).toEqual([]);
    s = run([key('enter'), key('escape')], s);
    expect(s.filter.value).toBe('');
  });

  it('a command on an empty result explains instead of acting', () => {
    const s = run(chunk('/zzz\rd'));
    expect(s.request).toBeNull();
    expect(s.message?.text).toMatch(/No secret matches/);
    const empty = run(chunk('e'), home([]));
    expect(empty.message?.text).toMatch(/No secrets yet/);
  });
});

describe('homeReducer: reveal, reload and commands', () => {
  it('r asks for the value; a cursor move or r again hides it', () => {
    let s = run(chunk('jr'));
    expect(s.request).toMatchObject({ command: { type: 'reveal' }, name: 'beta' });
    s = homeReducer(s, { type: 'revealed', name: 'beta', value: 'v' });
    expect(s.revealed).toEqual({ name: 'beta', value: 'v' });
    expect(run(chunk('j'), s).revealed).toBeNull();
    expect(run(chunk('r'), s).revealed).toBeNull();
    // A value that arrives after the cursor moved away is not shown.
    expect(
      homeReducer(run(chunk('j'), s), { type: 'revealed', name: 'beta', value: 'v' }).revealed,
    ).toBeNull();
  });

  it('reload keeps the filter and selects the changed secret', () => {
    let s = run(chunk('/a\r'));
    s = homeReducer(s, {
      type: 'load',
      secrets: [...NAMES, 'zeta-a'].map(meta),
      select: 'zeta-a',
      notice: 'Added zeta-a',
    });
    expect(s.filter.value).toBe('a');
    expect(selectedName(s)).toBe('zeta-a');
    expect(s.message).toEqual({ tone: 'ok', text: 'Added zeta-a' });
  });

  it('a adds, ? asks for help, q quits', () => {
    expect(route(run(chunk('a')))).toEqual({ screen: 'edit' });
    expect(run(chunk('?')).request?.command.type).toBe('help');
    expect(run(chunk('q')).request?.command.type).toBe('quit');
  });

  it('keeps the keys that follow a screen change for that screen, not as commands here', () => {
    // "a" then a name typed fast: "e" must not turn into "edit the selected".
    let s = run(chunk('aepi-key'));
    expect(route(s)).toEqual({ screen: 'edit' });
    expect(s.leaving).toBe(true);
    expect(s.pending).toEqual([{ type: 'text', text: 'epi-key' }]);
    const later = run(chunk('jd'), s);
    expect(later.request).toBe(s.request);
    expect(later.list).toBe(s.list);
    expect(later.pending).toEqual([{ type: 'text', text: 'epi-keyjd' }]);
    s = homeReducer(homeReducer(later, { type: 'forwarded' }), { type: 'resume' });
    expect(s.pending).toEqual([]);
    expect(route(run(chunk('jd'), s))).toEqual({ screen: 'delete', name: 'beta' });
    // A reveal stays on this screen, so keys after it still count.
    expect(selectedName(run(chunk('rj')))).toBe('beta');
  });

  it('follows a new height', () => {
    const s = homeReducer(run([key('end')]), { type: 'height', height: 2 });
    expect(s.list).toMatchObject({ height: 2, cursor: 4, offset: 3 });
  });
});

describe('home key table', () => {
  it('a new binding is one entry: the reducer, status bar and help all follow it', () => {
    const bindings = [
      ...HOME_BINDINGS,
      {
        key: 'x',
        label: 'x',
        what: 'a key no binding uses yet',
        status: 'x',
        command: {
          type: 'open' as const,
          route: () => ({ screen: 'help' as const, title: 'maps', keys: [] }),
        },
      },
    ];
    const reducer = makeHomeReducer(bindings);
    const s = reducer(home(), { type: 'keys', presses: [text('x')] });
    expect(route(s)).toEqual({ screen: 'help', title: 'maps', keys: [] });
    expect(statusHints(bindings).at(-1)).toEqual({ keys: 'x', what: 'x' });
    expect(homeHelp(bindings).some((h) => h.keys === 'x')).toBe(true);
  });

  it('lists every key, with no key bound twice', () => {
    const keys = HOME_BINDINGS.map((b) => (typeof b.key === 'string' ? b.key : b.key.named));
    expect(new Set(keys).size).toBe(keys.length);
    const help = homeHelp().map((h) => h.keys);
    for (const k of ['a', 'e', 'd', 'r', '/', '?', 'q', 'Esc', 'Enter', 'Ctrl+C'])
      expect(help).toContain(k);
    const status = statusHints().map((h) => h.keys);
    for (const k of ['a', 'd', 'r', 'l/L', 'R', '/', '?', 'q']) expect(status).toContain(k);
    expect(status.at(-1)).toBe('q');
  });
});

describe('home sort (s)', () => {
  it('toggles newest-first and back, keeping the filter and the selected secret', () => {
    const dates = { a: '2026-01-01', b: '2026-01-09', c: '2026-01-05' };
    const rows = Object.entries(dates).map(([name, day]) => ({
      name,
      createdAt: `${day}T00:00:00Z`,
      updatedAt: `${day}T00:00:00Z`,
    }));
    let s = initialHomeState(rows, 10);
    s = homeReducer(s, { type: 'keys', presses: [{ type: 'text', text: 'j' }] });
    expect(selectedName(s)).toBe('b');
    s = homeReducer(s, { type: 'keys', presses: [{ type: 'text', text: 's' }] });
    expect(s.sort).toBe('updated');
    expect(s.shown.map((i) => s.all[i]!.name)).toEqual(['b', 'c', 'a']);
    expect(selectedName(s)).toBe('b');
    s = homeReducer(s, { type: 'keys', presses: [{ type: 'text', text: 's' }] });
    expect(s.all.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(selectedName(s)).toBe('b');
  });
});
