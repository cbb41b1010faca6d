// Cipher work goes through node-forge (AES-256-GCM, PBKDF2-HMAC-SHA256); randomness,
// HKDF, HMAC and constant-time comparison come from node:crypto. forge speaks "binary
// strings" (one char per byte), so every boundary converts explicitly.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import forge from 'node-forge/lib/forge.js';
import 'node-forge/lib/aes.js';
import 'node-forge/lib/pbkdf2.js';

import { IV_BYTES, KEY_BYTES, TAG_BYTES } from './encoding.js';

// A constant, never read from a file: forge accepts shorter tags when told to.
const TAG_BITS = 128;

const bin = (b: Buffer): string => b.toString('binary');
const buf = (s: string): Buffer => Buffer.from(s, 'binary');

export function random(bytes: number): Buffer {
  // Never forge's own PRNG: it is seeded in userspace through a lossy string decode.
  return randomBytes(bytes);
}

/**
 * PBKDF2-HMAC-SHA256. The hash is given as the string 'sha256' so forge hands the work
 * to Node's native PBKDF2 (an md object would run pure JS, ~25x slower, and omitting it
 * would silently select SHA-1). Asynchronous so a TUI spinner keeps turning.
 */
export function deriveKey(password: Buffer, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    forge.pkcs5.pbkdf2(bin(password), bin(salt), iterations, KEY_BYTES, 'sha256', (err, key) => {
      if (err || key === undefined) reject(err ?? new Error('key derivation failed'));
      else resolve(buf(key));
    });
  });
}

/** The passphrase as the bytes we derive from: NFC-normalized, then UTF-8. */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export interface Sealed {
  iv: Buffer;
  ct: Buffer;
  tag: Buffer;
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer, iv = random(IV_BYTES)): Sealed {
  return boxFor(key).seal(plaintext, aad, iv);
}

/** Decrypts and authenticates; returns undefined when the tag does not verify. */
export function open(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | undefined {
  return boxFor(key).open(sealed, aad);
}

export interface Box {
  seal(plaintext: Buffer, aad: Buffer, iv?: Buffer): Sealed;
  open(sealed: Sealed, aad: Buffer): Buffer | undefined;
}

type GcmMode = { generateHashTable(h: number[], bits: number): unknown };

/**
 * One AES-GCM cipher and decipher for one key, for sealing many values (a re-key of
 * 10,000 secrets). forge's GCM `start()` rebuilds the GHASH table from the key on every
 * value, ~85% of the cost of a short value; the table depends on the key alone, so it
 * is built once per box. Output is byte-identical (cross-checked with node:crypto).
 */
export function boxFor(key: Buffer): Box {
  if (key.length !== KEY_BYTES) throw new Error('bad key length');
  const cipher = forge.cipher.createCipher('AES-GCM', bin(key));
  const decipher = forge.cipher.createDecipher('AES-GCM', bin(key));
  let table: unknown;
  for (const mode of [cipher.mode, decipher.mode] as unknown as GcmMode[]) {
    const build = mode.generateHashTable;
    mode.generateHashTable = function (h, bits) {
      table ??= build.call(this, h, bits);
      return table;
    };
  }
  return {
    seal(plaintext, aad, iv = random(IV_BYTES)) {
      cipher.start({ iv: bin(iv), additionalData: bin(aad), tagLength: TAG_BITS });
      cipher.update(forge.util.createBuffer(bin(plaintext)));
      if (!cipher.finish()) throw new Error('encryption failed');
      return { iv, ct: buf(cipher.output.getBytes()), tag: buf(cipher.mode.tag.getBytes()) };
    },
    open(sealed, aad) {
      if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return undefined;
      decipher.start({
        iv: bin(sealed.iv),
        additionalData: bin(aad),
        tagLength: TAG_BITS,
        tag: forge.util.createBuffer(bin(sealed.tag)),
      });
      decipher.update(forge.util.createBuffer(bin(sealed.ct)));
      // forge fills `output` even when the tag fails: only read it after finish() agrees.
      const ok = decipher.finish();
      const out = decipher.output.getBytes();
      return ok ? buf(out) : undefined;
    },
  };
}

/** One subkey per purpose, so the data key itself never keys a MAC. */
export function subkey(dataKey: Buffer, vaultId: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, vaultId, `lsec/v1 ${purpose}`, KEY_BYTES));
}

export function hmac(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Length-prefixed concatenation, so ("ab","c") and ("a","bc") never collide. */
export function lp(...parts: (Buffer | string)[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    chunks.push(len, bytes);
  }
  return Buffer.concat(chunks);
}
