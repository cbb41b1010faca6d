// Rollback detection (security.md §2): a whole vault file swapped for an older valid
// copy passes every check inside the file, so the home remembers the newest
// generation it has seen of each vault and warns when an older one turns up. It
// warns rather than refuses: restoring vault.json.bak on purpose looks the same.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultDoc } from './vault-format.js';

const FILE = 'seen.json';

function readSeen(home: string): Record<string, number> {
  try {
    const data: unknown = JSON.parse(readFileSync(join(home, FILE), 'utf8'));
    return typeof data === 'object' && data !== null ? (data as Record<string, number>) : {};
  } catch {
    // Missing or torn: nothing seen yet. It only ever feeds a warning.
    return {};
  }
}

/** A warning when this vault is older than one seen here before; else undefined. */
export function rollbackWarning(home: string, doc: VaultDoc): string | undefined {
  const seen = readSeen(home)[doc.vaultId];
  if (typeof seen !== 'number' || doc.generation >= seen) return undefined;
  return `warning: this vault is older than the one last opened here (generation ${doc.generation}, seen ${seen}): it was restored from a backup or rolled back; if you did not restore it, check where it came from`;
}

/** Records the vault's generation as seen (never lowering it). */
export function recordSeen(home: string, doc: VaultDoc): void {
  const seen = readSeen(home);
  if ((seen[doc.vaultId] ?? -1) >= doc.generation) return;
  seen[doc.vaultId] = doc.generation;
  // A new file renamed into place: a link planted at seen.json is replaced, never
  // followed (a plain write through it overwrote the link's target).
  const tmp = join(home, `${FILE}.${process.pid}.tmp`);
  try {
    rmSync(tmp, { force: true });
    writeFileSync(tmp, `${JSON.stringify(seen)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, join(home, FILE));
  } catch {
    // A read-only home still opens the vault; the warning is best effort.
  }
}
