// How a vault secret relates to the cloud, from the fingerprint recorded at the last
// push: the vault never learns what the cloud holds, only what this vault sent.
import type { Vault } from '../store/vault.js';

/**
 * The one vocabulary for a secret's cloud state, used by `lsec remote`, the home
 * screen's CLOUD column and the scan: in-sync (the cloud holds the value last pushed
 * from here), changed (edited since), not-pushed (only in the vault), cloud-only (only
 * in the cloud), untracked (in both, never pushed from this vault: unknown).
 */
export type SyncState = 'in-sync' | 'changed' | 'not-pushed' | 'cloud-only' | 'untracked';

/** The state of one name that exists in the vault, given whether the cloud has it. */
export function vaultSecretState(vault: Vault, name: string, inCloud: boolean): SyncState {
  if (!inCloud) return 'not-pushed';
  const pushed = vault.pushedFingerprint(name);
  if (pushed === undefined) return 'untracked';
  return vault.fingerprint(name, vault.reveal(name)) === pushed ? 'in-sync' : 'changed';
}
