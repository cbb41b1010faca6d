// A new vault file: a random data key and vault id, the key slot wrapped under the
// passphrase, no secrets, its MAC. Refuses when a vault is there (never overwrites).
import { UsageError } from '../lib/errors.js';
import { vaultFile } from '../lib/paths.js';
import { random } from './crypto.js';
import { toBase64 } from './encoding.js';
import { updateVault } from './vault-file.js';
import { FORMAT, KDF_ALG, type VaultDoc, VERSION } from './vault-format.js';
import { type Keys, keysFor, wrapDataKey } from './vault-keys.js';
import { manifestMac } from './vault-mac.js';

export async function createVaultFile(
  home: string,
  passphrase: string,
  iterations: number,
): Promise<{ doc: VaultDoc; keys: Keys }> {
  const vaultIdBytes = random(16);
  const keys = keysFor(random(32), vaultIdBytes);
  const doc = await updateVault(home, async (current) => {
    if (current) {
      throw new UsageError(`a vault already exists at ${vaultFile(home)}`, 'nothing was changed');
    }
    const header = {
      format: FORMAT,
      v: VERSION,
      vaultId: toBase64(vaultIdBytes),
      generation: 1,
      kdf: { alg: KDF_ALG, iterations, salt: toBase64(random(16)), passphrase: 'nfc-utf8' },
      secrets: {},
    } as const;
    const keySlot = await wrapDataKey(header, passphrase, keys.data);
    const draft = { ...header, kdf: { ...header.kdf }, keySlot, secrets: {}, trash: [], mac: '' };
    draft.mac = toBase64(manifestMac(keys.mac, draft));
    return draft as VaultDoc;
  });
  return { doc, keys };
}
