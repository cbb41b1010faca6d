// The vault's side of a push, shared by `lsec push` and the TUI.
import { describe, expect, it, vi } from 'vitest';
import type { PushResult } from '../../src/cloud/push.js';
import {
  countResults,
  pushInputs,
  recordAccepted,
  summaryText,
} from '../../src/cloud/push-vault.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, readVaultBytes, tempHome } from '../helpers/cli.js';

async function vaultOf(entries: [string, string][]): Promise<Vault> {
  const vault = await Vault.create(tempHome(), PASSPHRASE, { iterations: 600_000 });
  await vault.write(entries, 'add');
  return vault;
}

const result = (name: string, outcome: PushResult['outcome']): PushResult => ({
  name,
  action: 'create',
  outcome,
  ok: outcome !== 'failed' && outcome !== 'skipped',
});

describe('pushInputs', () => {
  it('fingerprints the named values and reports the last pushed ones', async () => {
    const vault = await vaultOf([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
    await vault.markPushed(new Map([['b', 'old-fp']]));
    const progress = vi.fn();
    const { local, lastPushed } = await pushInputs(vault, ['a', 'b'], progress);
    expect(local).toEqual([
      { name: 'a', fingerprint: vault.fingerprint('a', '1') },
      { name: 'b', fingerprint: vault.fingerprint('b', '2') },
    ]);
    expect([...lastPushed]).toEqual([['b', 'old-fp']]);
    expect(progress).toHaveBeenLastCalledWith(2, 2);
  });

  it('yields to the event loop on a large vault', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `s-${i}`);
    const vault = await vaultOf(names.map((n) => [n, `value-${n}`]));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const { local } = await pushInputs(vault, names);
    clearInterval(timer);
    expect(local).toHaveLength(2000);
    // ~0.1 ms per value in 8 ms slices: timers ran in between.
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('recordAccepted', () => {
  it('records only what the cloud accepted, and skips the write when nothing changed', async () => {
    const vault = await vaultOf([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
    const { local } = await pushInputs(vault, ['a', 'b', 'c']);
    const results = [result('a', 'created'), result('b', 'failed'), result('c', 'skipped')];
    expect(await recordAccepted(vault, results, local)).toBe(1);
    expect(vault.pushedFingerprint('a')).toBe(local[0]!.fingerprint);
    expect(vault.pushedFingerprint('b')).toBeUndefined();
    expect(vault.pushedFingerprint('c')).toBeUndefined();
    const before = readVaultBytes(vault.home);
    expect(await recordAccepted(vault, [result('a', 'unchanged')], local)).toBe(0);
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
  });
});

describe('countResults', () => {
  it('counts skipped as failed and says it in one line', () => {
    const counts = countResults([
      result('a', 'created'),
      result('b', 'updated'),
      result('c', 'unchanged'),
      result('d', 'failed'),
      result('e', 'skipped'),
    ]);
    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 1, failed: 2 });
    expect(summaryText(counts)).toBe('1 created, 1 updated, 1 unchanged, 2 failed');
  });
});
