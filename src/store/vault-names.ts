// Names and dates without a passphrase and without loading any crypto (`lsec list`,
// completion, pre-flight previews).
import { readVault, vaultExists } from './vault-file.js';
import { listMeta, type SecretMeta } from './vault-format.js';

export function listSecrets(home: string): SecretMeta[] {
  return listMeta(readVault(home));
}

/** The set of names, empty when there is no vault yet. */
export function vaultNames(home: string): Set<string> {
  return new Set(vaultExists(home) ? listSecrets(home).map((s) => s.name) : []);
}
