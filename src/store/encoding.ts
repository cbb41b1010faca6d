// Byte sizes and the strict base64 of the vault format. Kept apart from crypto.ts so
// reading names (`lsec list`) never loads node-forge.

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Strict base64: canonical padding and alphabet only, so a file has one spelling. */
export function fromBase64(text: unknown): Buffer | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

// Base64 text of `bytes` bytes has this many characters, and its last data character
// must leave the unused low bits zero, or two spellings would decode alike.
const LAST_ONE_PAD = /[AEIMQUYcgkosw048]=$/;
const LAST_TWO_PAD = /[AQgw]==$/;
const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The same answer as `fromBase64(text) !== undefined` (with the byte length checked),
 * without decoding: parseVault checks 30,000 fields of a 10,000-secret vault.
 */
export function isCanonicalBase64(text: unknown, bytes?: number): text is string {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !ALPHABET.test(text)) return false;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (bytes !== undefined && (text.length / 4) * 3 - pad !== bytes) return false;
  if (pad === 1) return LAST_ONE_PAD.test(text);
  if (pad === 2) return LAST_TWO_PAD.test(text);
  return true;
}

export function toBase64(bytes: Buffer): string {
  return bytes.toString('base64');
}
