import { UsageError } from '../lib/errors.js';
import { MAX_VALUE_BYTES } from './vault-format.js';

export const MIN_PASSPHRASE = 8;

/** Values are UTF-8 text with any character but NUL, at most 1 MiB (DESIGN §2). */
export function checkValue(value: string): void {
  if (value.includes('\0')) {
    throw new UsageError(
      'the value contains a NUL character, which lsec cannot store',
      'store binary data encoded as text, e.g. with base64',
    );
  }
  if (!value.isWellFormed()) throw new UsageError('the value is not valid Unicode text');
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new UsageError(
      `the value is ${bytes} bytes; the limit is ${MAX_VALUE_BYTES} (1 MiB)`,
      'store a smaller value',
    );
  }
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE) {
    throw new UsageError(`the passphrase is too short: use at least ${MIN_PASSPHRASE} characters`);
  }
  if (passphrase.includes('\0')) throw new UsageError('the passphrase contains a NUL character');
}
