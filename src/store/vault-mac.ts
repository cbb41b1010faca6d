// What the key slot and the manifest MAC bind. The MAC covers the header, the
// generation and every (name, ciphertext, dates, push fingerprint) of live secrets, and
// in v2 their history and the trash, so deleting,
// adding, replaying or swapping entries is caught on unlock.

import { createHash } from 'node:crypto';
import { DamagedError } from '../lib/errors.js';
import { hmac, lp, sameBytes } from './crypto.js';
import { fromBase64 } from './encoding.js';
import type { HistoryEntry, VaultDoc } from './vault-format.js';

/** Decodes a field already checked by parseVault. */
export function docBytes(text: string): Buffer {
  const b = fromBase64(text);
  if (!b) throw new DamagedError('the vault file is damaged: bad base64');
  return b;
}

function kdfBytes(kdf: VaultDoc['kdf']): Buffer {
  return lp(kdf.alg, String(kdf.iterations), docBytes(kdf.salt), kdf.passphrase);
}

// The key slot's label names format 1 in every version: it is a fixed domain label
// (the MAC covers `v`), so a v1 file becomes v2 without its passphrase.
export function keySlotAad(vaultId: Buffer, kdf: VaultDoc['kdf']): Buffer {
  return lp('lsec/v1/keyslot', 'lsec-vault', '1', vaultId, kdfBytes(kdf));
}

/** A live value (the same in v1 and v2, so migrating re-encrypts nothing). */
export function secretAad(vaultId: Buffer, name: string): Buffer {
  return lp('lsec/v1/secret', vaultId, name);
}

/** An earlier value of `name`: its own label, so it cannot pass for a live value. */
export function historyAad(vaultId: Buffer, name: string): Buffer {
  return lp('lsec/v2/history', vaultId, name);
}

/** A deleted value of `name`: its own label, so trash and live entries cannot be swapped. */
export function trashAad(vaultId: Buffer, name: string): Buffer {
  return lp('lsec/v2/trash', vaultId, name);
}

/**
 * SHA-256 over the header, the generation and every entry in name order; the MAC is
 * an HMAC of this digest. Needing no key, the digest is computed while the key is
 * derived, so a 10,000-secret vault unlocks about as fast as a small one. Entries are
 * fed as their canonical base64 text (parseVault allows one spelling per byte string).
 */
export function manifestDigest(doc: Omit<VaultDoc, 'mac'>): Buffer {
  const hash = createHash('sha256');
  const len = Buffer.alloc(4);
  const field = (text: string) => {
    len.writeUInt32BE(Buffer.byteLength(text, 'utf8'));
    hash.update(len);
    hash.update(text, 'utf8');
  };
  for (const text of ['lsec/v1/manifest', doc.format, String(doc.v), doc.vaultId]) field(text);
  hash.update(kdfBytes(doc.kdf));
  for (const text of [doc.keySlot.iv, doc.keySlot.ct, doc.keySlot.tag, String(doc.generation)]) {
    field(text);
  }
  const names = Object.keys(doc.secrets).sort();
  field(String(names.length));
  for (const name of names) {
    const e = doc.secrets[name]!;
    field(name);
    field(e.iv);
    field(e.ct);
    field(e.tag);
    field(e.createdAt);
    field(e.updatedAt);
    field(e.pushed ?? '');
    // v1 digests stop here, byte for byte as v1 wrote them; `v` (hashed above) says which.
    if (doc.v !== 1) history(e.history);
  }
  if (doc.v !== 1) {
    const trash = doc.trash ?? [];
    field(String(trash.length));
    for (const t of trash) {
      for (const text of [t.name, t.iv, t.ct, t.tag, t.createdAt, t.updatedAt, t.deletedAt]) {
        field(text);
      }
      history(t.history);
    }
  }
  return hash.digest();

  function history(entries: HistoryEntry[] | undefined): void {
    field(String(entries?.length ?? 0));
    for (const h of entries ?? [])
      for (const text of [h.iv, h.ct, h.tag, h.setAt, h.replacedAt]) field(text);
  }
}

export function manifestMac(macKey: Buffer, doc: Omit<VaultDoc, 'mac'>, digest?: Buffer): Buffer {
  return hmac(macKey, digest ?? manifestDigest(doc));
}

export function verifyMac(macKey: Buffer, doc: VaultDoc, digest?: Buffer): void {
  if (!sameBytes(manifestMac(macKey, doc, digest), docBytes(doc.mac))) {
    throw new DamagedError(
      'the vault file failed its integrity check (MAC): it was damaged or changed outside lsec',
      'restore vault.json.bak or a backup; nothing was written',
    );
  }
}
