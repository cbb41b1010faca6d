// What the key slot and the manifest MAC bind. The MAC covers the header, the
// generation and every (name, ciphertext, dates, push fingerprint), so deleting,
// adding, replaying or swapping entries is caught on unlock.
import { DamagedError } from '../lib/errors.js';
import { fromBase64, hmac, lp, sameBytes, sha256 } from './crypto.js';
import type { VaultDoc } from './vault-format.js';

/** Decodes a field already checked by parseVault. */
export function docBytes(text: string): Buffer {
  const b = fromBase64(text);
  if (!b) throw new DamagedError('the vault file is damaged: bad base64');
  return b;
}

function kdfBytes(kdf: VaultDoc['kdf']): Buffer {
  return lp(kdf.alg, String(kdf.iterations), docBytes(kdf.salt), kdf.passphrase);
}

export function keySlotAad(vaultId: Buffer, kdf: VaultDoc['kdf']): Buffer {
  return lp('lsec/v1/keyslot', 'lsec-vault', '1', vaultId, kdfBytes(kdf));
}

export function secretAad(vaultId: Buffer, name: string): Buffer {
  return lp('lsec/v1/secret', vaultId, name);
}

export function manifestMac(macKey: Buffer, doc: Omit<VaultDoc, 'mac'>): Buffer {
  const parts: Buffer[] = [
    lp('lsec/v1/manifest', doc.format, String(doc.v), docBytes(doc.vaultId)),
    kdfBytes(doc.kdf),
    lp(docBytes(doc.keySlot.iv), docBytes(doc.keySlot.ct), docBytes(doc.keySlot.tag)),
    lp(String(doc.generation)),
  ];
  for (const name of Object.keys(doc.secrets).sort()) {
    const e = doc.secrets[name]!;
    parts.push(
      lp(
        name,
        docBytes(e.iv),
        sha256(docBytes(e.ct)),
        docBytes(e.tag),
        e.createdAt,
        e.updatedAt,
        e.pushed ?? '',
      ),
    );
  }
  return hmac(macKey, Buffer.concat(parts));
}

export function verifyMac(macKey: Buffer, doc: VaultDoc): void {
  if (!sameBytes(manifestMac(macKey, doc), docBytes(doc.mac))) {
    throw new DamagedError(
      'the vault file failed its integrity check (MAC): it was damaged or changed outside lsec',
      'restore vault.json.bak or a backup; nothing was written',
    );
  }
}
