// How a vault secret relates to the cloud, from the fingerprint recorded at the last
// push: the vault never learns what the cloud holds, only what this vault sent.
import type { Vault } from '../store/vault.js';

export type LocalState = 'in-sync' | 'changed' | 'untracked' | 'not-in-vault';
export type CloudState = 'in-sync' | 'changed' | 'not-pushed' | 'cloud-only' | 'untracked';

/** The state of one name that exists in the vault, given whether the cloud has it. */
export function vaultSecretState(vault: Vault, name: string, inCloud: boolean): CloudState {
  if (!inCloud) return 'not-pushed';
  const pushed = vault.pushedFingerprint(name);
  if (pushed === undefined) return 'untracked';
  return vault.fingerprint(name, vault.reveal(name)) === pushed ? 'in-sync' : 'changed';
}
