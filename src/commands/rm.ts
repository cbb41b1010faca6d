import { UsageError } from '../lib/errors.js';
import { type Ctx, confirmOnTerminal, hasFlag } from './context.js';
import { noSuchSecret, openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const purge = hasFlag(ctx, 'purge');
  if (!hasFlag(ctx, 'yes') && !ctx.stdinIsTTY) {
    throw new UsageError(
      'not a terminal, so lsec cannot ask before deleting',
      `pass --yes: lsec rm ${name}${purge ? ' --purge' : ''} --yes`,
    );
  }
  const vault = await openVault(ctx);
  try {
    const live = vault.has(name);
    const trashed = vault.trash().some((t) => t.name === name);
    // `rm --purge NAME` also empties the trash of NAME when no live secret has it.
    if (!live && !(purge && trashed)) throw noSuchSecret(vault, name);
    const question = !live
      ? `Delete ${name} from the trash for good?`
      : purge
        ? `Delete ${name} for good (no trash, no undo)?`
        : `Delete ${name}? (kept in the trash for 30 days)`;
    if (!hasFlag(ctx, 'yes') && !(await confirmOnTerminal(ctx, question))) {
      ctx.note('nothing deleted');
      return 0;
    }
    await vault.remove([name], { purge });
    if (purge) ctx.note(`deleted ${name} for good${live ? '' : ' from the trash'}`);
    else
      ctx.note(`moved ${name} to the trash for 30 days; bring it back with: lsec restore ${name}`);
    return 0;
  } finally {
    vault.lock();
  }
}
