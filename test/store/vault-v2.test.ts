// In-process checks of the v2 vault parts whose effect is not visible from the CLI
// alone: the cloud state after a rename and after a re-key (it is derived from the
// push fingerprints kept in the vault).
import { describe, expect, it } from 'vitest';
import { vaultSecretState } from '../../src/cloud/sync-state.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, tempHome } from '../helpers/cli.js';

async function pushedVault(): Promise<Vault> {
  const v = await Vault.create(tempHome(), PASSPHRASE, { iterations: 600_000 });
  await v.write([['old', 'value']], 'add');
  await v.markPushed(new Map([['old', v.fingerprint('old', 'value')]]));
  expect(vaultSecretState(v, 'old', true)).toBe('in-sync');
  return v;
}

describe('cloud state after vault changes', () => {
  it('a renamed secret reads as not pushed, and as untracked if the cloud has the new name', async () => {
    const v = await pushedVault();
    await v.rename('old', 'new');
    expect(v.pushedFingerprint('new')).toBeUndefined();
    expect(vaultSecretState(v, 'new', false)).toBe('not-pushed');
    expect(vaultSecretState(v, 'new', true)).toBe('untracked');
  });

  it('a re-key keeps an in-sync secret in sync and a changed one changed', async () => {
    const v = await pushedVault();
    await v.write([['other', 'x']], 'add');
    await v.markPushed(new Map([['other', v.fingerprint('other', 'x')]]));
    await v.write([['other', 'changed since the push']], 'replace');
    expect(vaultSecretState(v, 'other', true)).toBe('changed');
    await v.changePassphrase('a brand new passphrase');
    expect(vaultSecretState(v, 'old', true)).toBe('in-sync');
    expect(vaultSecretState(v, 'other', true)).toBe('changed');
    const reopened = await Vault.unlock(v.home, 'a brand new passphrase');
    expect(reopened.reveal('old')).toBe('value');
    expect(vaultSecretState(reopened, 'old', true)).toBe('in-sync');
  });
});
