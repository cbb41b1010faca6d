// The vault's key material: deriving the passphrase key, wrapping and unwrapping the
// data key, and the per-purpose subkeys. Unlock derives once, opens the key slot (its
// GCM tag is the wrong-passphrase check) and verifies the MAC over the whole file.
import { LockedError, UsageError } from '../lib/errors.js';
import { deriveKey, hmac, open, passphraseBytes, seal, subkey } from './crypto.js';
import { toBase64 } from './encoding.js';
import { readVaultText } from './vault-file.js';
import {
  checkEntries,
  ITERATION_RANGE,
  iterationsAllowed,
  parseVaultHeader,
  peekKdf,
  type VaultDoc,
} from './vault-format.js';
import { docBytes, keySlotAad, manifestDigest, verifyMac } from './vault-mac.js';

export interface Keys {
  data: Buffer;
  enc: Buffer;
  mac: Buffer;
  fingerprint: Buffer;
}

export function keysFor(dataKey: Buffer, vaultId: Buffer): Keys {
  return {
    data: dataKey,
    enc: subkey(dataKey, vaultId, 'enc'),
    mac: subkey(dataKey, vaultId, 'mac'),
    fingerprint: subkey(dataKey, vaultId, 'fingerprint'),
  };
}

export function checkIterations(iterations: number): void {
  if (!iterationsAllowed(iterations)) {
    throw new UsageError(`iterations must be a whole number from ${ITERATION_RANGE}`);
  }
}

export async function wrapDataKey(
  doc: Omit<VaultDoc, 'keySlot' | 'mac'>,
  passphrase: string,
  dataKey: Buffer,
): Promise<VaultDoc['keySlot']> {
  const vaultId = docBytes(doc.vaultId);
  const kek = await deriveKey(
    passphraseBytes(passphrase),
    docBytes(doc.kdf.salt),
    doc.kdf.iterations,
  );
  try {
    const s = seal(kek, dataKey, keySlotAad(vaultId, doc.kdf));
    return { iv: toBase64(s.iv), ct: toBase64(s.ct), tag: toBase64(s.tag) };
  } finally {
    kek.fill(0);
  }
}

/** Wipes a key still being derived once it arrives; its caller no longer wants it. */
function discardKey(deriving: Promise<Buffer> | undefined): void {
  deriving?.then(
    (k) => k.fill(0),
    () => {},
  );
}

/** Opens the vault file: the checked document and its keys, or a typed error. */
export async function unlockKeys(
  home: string,
  passphrase: string,
): Promise<{ doc: VaultDoc; keys: Keys }> {
  // PBKDF2 runs in the thread pool while this thread parses and checks the file:
  // it starts from the file's head (limits checked first), or, when the head is not
  // as lsec writes it, from the parsed header. Either way the parameters used must
  // equal the parsed header's, or the early key is thrown away.
  const text = readVaultText(home);
  const pass = passphraseBytes(passphrase);
  const early = peekKdf(text);
  let deriving = early && deriveKey(pass, docBytes(early.salt), early.iterations);
  let doc: VaultDoc;
  let digest: Buffer;
  try {
    doc = parseVaultHeader(text);
    if (!early || early.salt !== doc.kdf.salt || early.iterations !== doc.kdf.iterations) {
      discardKey(deriving);
      deriving = deriveKey(pass, docBytes(doc.kdf.salt), doc.kdf.iterations);
    }
    checkEntries(doc);
    digest = manifestDigest(doc);
  } catch (error) {
    discardKey(deriving);
    throw error;
  }
  const vaultId = docBytes(doc.vaultId);
  const kek = await deriving!;
  const slot = doc.keySlot;
  const dataKey = open(
    kek,
    { iv: docBytes(slot.iv), ct: docBytes(slot.ct), tag: docBytes(slot.tag) },
    keySlotAad(vaultId, doc.kdf),
  );
  kek.fill(0);
  if (!dataKey) {
    // The key slot's tag cannot tell a wrong passphrase from a damaged header.
    throw new LockedError(
      'wrong passphrase',
      'try again (it is case-sensitive); if you are sure of it, the vault header may be damaged: restore vault.json.bak',
    );
  }
  const keys = keysFor(dataKey, vaultId);
  verifyMac(keys.mac, doc, digest);
  return { doc, keys };
}

/** Keyed fingerprint of a value under `keys`, for "unchanged since last push". */
export function fingerprintWith(keys: Keys, name: string, value: Buffer): string {
  const nameBytes = Buffer.from(`${name}\0`, 'utf8');
  return toBase64(hmac(keys.fingerprint, Buffer.concat([nameBytes, value])));
}
