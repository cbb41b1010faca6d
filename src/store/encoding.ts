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

export function toBase64(bytes: Buffer): string {
  return bytes.toString('base64');
}
