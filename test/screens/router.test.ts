import { describe, expect, it } from 'vitest';
import { appReducer, initialAppState } from '../../src/screens/router.js';
import type { Vault } from '../../src/store/vault.js';

const vault = { lock() {} } as unknown as Vault;

describe('appReducer (the screen stack and session)', () => {
  it('pushes and pops screens, never popping the last one', () => {
    let s = initialAppState({ screen: 'unlock' });
    s = appReducer(s, { type: 'unlocked', vault });
    expect(s.vault).toBe(vault);
    expect(s.stack.at(-1)?.route).toEqual({ screen: 'home' });
    s = appReducer(s, { type: 'push', route: { screen: 'edit', name: 'a' } });
    expect(s.stack.map((e) => e.route.screen)).toEqual(['home', 'edit']);
    expect(new Set(s.stack.map((e) => e.id)).size).toBe(2);
    s = appReducer(s, { type: 'pop' });
    expect(s.stack.at(-1)?.route).toEqual({ screen: 'home' });
    expect(appReducer(s, { type: 'pop' })).toBe(s);
  });

  it('locking drops the vault and every screen, leaving only unlock with the reason', () => {
    let s = appReducer(initialAppState({ screen: 'unlock', passphrase: 'env' }), {
      type: 'unlocked',
      vault,
    });
    s = appReducer(s, { type: 'push', route: { screen: 'delete', name: 'x' } });
    s = appReducer(s, { type: 'lock', notice: 'Locked' });
    expect(s.vault).toBeNull();
    expect(s.stack).toHaveLength(1);
    // The env passphrase is not offered again after a lock.
    expect(s.stack.at(-1)?.route).toEqual({ screen: 'unlock', notice: 'Locked' });
    expect(appReducer(s, { type: 'lock', notice: 'again' })).toBe(s);
  });

  it('counts changes so the list reloads, and keeps the first outcome', () => {
    let s = initialAppState({ screen: 'create' });
    s = appReducer(s, { type: 'changed', select: 'a', notice: 'Added a' });
    s = appReducer(s, { type: 'changed', notice: 'Deleted b' });
    expect(s.change).toEqual({ revision: 2, select: undefined, notice: 'Deleted b' });
    s = appReducer(s, { type: 'exit', outcome: { code: 130 } });
    const after = appReducer(s, { type: 'exit', outcome: { code: 0 } });
    expect(after.outcome).toEqual({ code: 130 });
    expect(appReducer(after, { type: 'push', route: { screen: 'home' } })).toBe(after);
  });
});
