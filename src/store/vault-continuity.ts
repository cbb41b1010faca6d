// What an open handle checks before it trusts the file on disk again (a write re-reads
// it under the lock; the TUI's reload reads it between writes): still the vault it
// opened, not older, still under the keys it holds, and intact.
import { DamagedError, LockedError } from '../lib/errors.js';
import type { VaultDoc } from './vault-format.js';
import { verifyMac } from './vault-mac.js';

export function checkContinuity(current: VaultDoc, known: VaultDoc, macKey: Buffer): void {
  if (current.vaultId !== known.vaultId) {
    throw new DamagedError('the vault file was replaced by another vault while open');
  }
  if (current.generation < known.generation) {
    throw new DamagedError('the vault file was replaced by an older copy while open');
  }
  // passwd re-keys: this handle's keys can neither check nor open the new file.
  if (JSON.stringify(current.keySlot) !== JSON.stringify(known.keySlot)) {
    throw new LockedError(
      'the passphrase was changed in another terminal (lsec passwd)',
      'lock and unlock again with the new passphrase',
    );
  }
  verifyMac(macKey, current);
}
