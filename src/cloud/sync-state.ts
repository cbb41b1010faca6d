// How a vault secret relates to the cloud, from the fingerprint recorded at the last
// push: the vault never learns what the cloud holds, only what this vault sent.
import type { Vault } from '../store/vault.js';
import type { RemoteSecret } from './secrets.js';

export type LocalState = 'in-sync' | 'changed' | 'untracked' | 'not-in-vault';
export type CloudState = 'in-sync' | 'changed' | 'not-pushed' | 'cloud-only' | 'untracked';

/** The state of one name that exists in the vault, given whether the cloud has it. */
export function vaultSecretState(vault: Vault, name: string, inCloud: boolean): CloudState {
  if (!inCloud) return 'not-pushed';
  const pushed = vault.pushedFingerprint(name);
  if (pushed === undefined) return 'untracked';
  return vault.fingerprint(name, vault.reveal(name)) === pushed ? 'in-sync' : 'changed';
}

/** Every name in the vault or the cloud with its state (cloud-only names included). */
export function syncStates(vault: Vault, remote: readonly RemoteSecret[]): Map<string, CloudState> {
  const inCloud = new Set(remote.map((s) => s.name));
  const states = new Map<string, CloudState>();
  for (const { name } of vault.list())
    states.set(name, vaultSecretState(vault, name, inCloud.has(name)));
  for (const name of inCloud) if (!states.has(name)) states.set(name, 'cloud-only');
  return states;
}

export const CLOUD_STATE_LABEL: Record<CloudState, string> = {
  'in-sync': 'in sync',
  changed: 'changed since push',
  'not-pushed': 'not pushed',
  'cloud-only': 'cloud only',
  untracked: 'in cloud (not pushed from here)',
};
