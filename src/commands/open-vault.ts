import { suggest } from '../lib/argv.js';
import { UsageError } from '../lib/errors.js';
import { vaultFile } from '../lib/paths.js';
import { Vault } from '../store/vault.js';
import { readVault, vaultExists, vaultPathTaken } from '../store/vault-file.js';
import { type Ctx, currentPassphrase } from './context.js';

/** Unlocks the vault for a command: checks it exists before asking for a passphrase. */
export async function openVault(ctx: Ctx): Promise<Vault> {
  if (!vaultExists(ctx.home)) {
    // A directory (or other non-file) there is not "no vault": readVault names it.
    if (vaultPathTaken(ctx.home)) readVault(ctx.home);
    throw new UsageError(`no vault at ${vaultFile(ctx.home)}`, 'create one with: lsec init');
  }
  const vault = await Vault.unlock(ctx.home, await currentPassphrase(ctx));
  if (vault.warning) ctx.note(vault.warning);
  return vault;
}

/** The error for a name the vault lacks, with the closest name when one is near. */
export function noSuchSecret(vault: Vault, name: string): UsageError {
  if (vault.trash().some((t) => t.name === name)) {
    return new UsageError(
      `no secret named ${name}; it is in the trash`,
      `bring it back with: lsec restore ${name}`,
    );
  }
  return noSuchName(
    vault.list().map((s) => s.name),
    name,
  );
}

/** The same error from a list of names (read without a passphrase). */
export function noSuchName(names: string[], name: string): UsageError {
  const near = suggest(name, names);
  return new UsageError(
    `no secret named ${name}`,
    near ? `did you mean ${near}? (lsec list shows every name)` : 'see the names with: lsec list',
  );
}
