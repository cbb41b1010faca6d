// Names and dates without a passphrase and without loading any crypto (`lsec list`,
// completion, pre-flight previews).
import { readVault, vaultExists } from './vault-file.js';
import {
  type HistoryMeta,
  historyMeta,
  listMeta,
  listTrashMeta,
  type SecretMeta,
  type TrashMeta,
} from './vault-format.js';

export function listSecrets(home: string): SecretMeta[] {
  return listMeta(readVault(home));
}

/** The set of names, empty when there is no vault yet. */
export function vaultNames(home: string): Set<string> {
  return new Set(vaultExists(home) ? listSecrets(home).map((s) => s.name) : []);
}

/** The trash: names and deletion dates, no passphrase needed (names are not secret). */
export function listTrash(home: string): TrashMeta[] {
  return listTrashMeta(readVault(home));
}

/** Dates of a secret's earlier values; undefined when the vault has no such secret. */
export function listHistory(home: string, name: string): HistoryMeta[] | undefined {
  const doc = readVault(home);
  return Object.hasOwn(doc.secrets, name) ? historyMeta(doc.secrets[name]!) : undefined;
}
