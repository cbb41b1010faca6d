import { unwatchFile, watchFile } from 'node:fs';
import { useEffect } from 'react';
import { describeError } from '../../lib/errors.js';
import type { Vault } from '../../store/vault.js';
import type { Change } from '../types.js';
import { sentence } from './text.js';

/** How often the vault file's stat is polled: cheap, and a change shows within a second. */
const POLL_MS = 1000;

/**
 * What a refresh found, as a change for the root: undefined when the file is as read,
 * a notice when another lsec wrote it (its generation moved), a warning when it can
 * no longer be trusted (then the list stays as it was).
 */
export function refreshVault(vault: Vault): Omit<Change, 'revision'> | undefined {
  try {
    const before = vault.refresh();
    if (before === undefined) return undefined;
    return {
      notice: `Vault changed on disk: reloaded (generation ${before} → ${vault.generation})`,
    };
  } catch (error) {
    return { warning: sentence(describeError(error).message) };
  }
}

/**
 * Notices on its own when another terminal writes the vault file (lsec add, set, rm…)
 * and reloads the list, so what is shown, and what a write starts from, is the file.
 * Polls the file's stat: a write replaces the file by rename, which fs.watch on the
 * file itself would stop following.
 */
export function useVaultWatch(
  vault: Vault | null,
  changed: (change: Omit<Change, 'revision'>) => void,
): void {
  useEffect(() => {
    if (!vault) return;
    const path = vault.path;
    const check = () => {
      if (vault.locked) return;
      const change = refreshVault(vault);
      if (change) changed(change);
    };
    watchFile(path, { interval: POLL_MS, persistent: false }, check);
    return () => unwatchFile(path, check);
  }, [vault, changed]);
}
