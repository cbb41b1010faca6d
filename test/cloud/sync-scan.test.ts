// The incremental cloud-state scan the TUI uses: states known from names at once,
// fingerprints compared in slices (visible names first), ending in the states the
// fixture was built to have.
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncScan } from '../../src/cloud/sync-scan.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, tempHome } from '../helpers/cli.js';

const remote = (...names: string[]) => names.map((name) => ({ id: `id-${name}`, name }));

let vault: Vault;
beforeAll(async () => {
  vault = await Vault.create(tempHome(), PASSPHRASE, { iterations: 600_000 });
  await vault.write(
    [
      ['in-sync-1', 'a'],
      ['in-sync-2', 'b'],
      ['changed', 'old'],
      ['not-pushed', 'c'],
      ['untracked', 'd'],
    ],
    'add',
  );
  const fp = (name: string) => vault.fingerprint(name, vault.reveal(name));
  await vault.markPushed(
    new Map([
      ['in-sync-1', fp('in-sync-1')],
      ['in-sync-2', fp('in-sync-2')],
      ['changed', fp('changed')],
    ]),
  );
  await vault.write([['changed', 'new']], 'replace');
});

const cloud = remote(
  'in-sync-1',
  'in-sync-2',
  'changed',
  'untracked',
  'zeta-web',
  'alpha-web',
  'zeta-web',
);

describe('SyncScan', () => {
  it('knows every state but the fingerprint comparisons at once', () => {
    const scan = new SyncScan(vault, cloud);
    expect(scan.stateOf('not-pushed')).toBe('not-pushed');
    expect(scan.stateOf('untracked')).toBe('untracked');
    expect(scan.stateOf('alpha-web')).toBe('cloud-only');
    expect(scan.stateOf('in-sync-1')).toBe('pending');
    expect(scan.stateOf('changed')).toBe('pending');
    expect(scan.stateOf('elsewhere')).toBeUndefined();
    expect(scan.pending).toBe(3);
    // Cloud-only names come sorted like vault.list(), each once.
    expect(scan.cloudOnly.map((s) => s.name)).toEqual(['alpha-web', 'zeta-web']);
  });

  it('compares the names asked for first, then the rest, and ends in every state', () => {
    const scan = new SyncScan(vault, cloud);
    scan.prioritize(['changed', 'not-pushed']);
    // A zero budget does one comparison: the prioritized pending one.
    expect(scan.step(0)).toEqual(['changed']);
    expect(scan.stateOf('changed')).toBe('changed');
    expect(scan.stateOf('in-sync-1')).toBe('pending');
    while (scan.pending > 0) scan.step(0);
    const expected = {
      'in-sync-1': 'in-sync',
      'in-sync-2': 'in-sync',
      changed: 'changed',
      'not-pushed': 'not-pushed',
      untracked: 'untracked',
      'alpha-web': 'cloud-only',
      'zeta-web': 'cloud-only',
    };
    for (const [name, state] of Object.entries(expected)) expect(scan.stateOf(name)).toBe(state);
    expect(scan.step()).toEqual([]);
  });

  it('stops comparing once the vault is locked', async () => {
    const other = await Vault.unlock(vault.home, PASSPHRASE);
    const scan = new SyncScan(other, cloud);
    other.lock();
    expect(scan.step()).toEqual([]);
    expect(scan.pending).toBe(3);
  });

  it('without a cloud list entry nothing is pending', () => {
    const scan = new SyncScan(vault, []);
    expect(scan.pending).toBe(0);
    expect(scan.stateOf('in-sync-1')).toBe('not-pushed');
    expect(scan.cloudOnly).toEqual([]);
  });
});
