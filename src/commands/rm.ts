import { UsageError } from '../lib/errors.js';
import { type Ctx, confirmOnTerminal, hasFlag } from './context.js';
import { noSuchSecret, openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  if (!hasFlag(ctx, 'yes') && !ctx.stdinIsTTY) {
    throw new UsageError(
      'not a terminal, so lsec cannot ask before deleting',
      `pass --yes: lsec rm ${name} --yes`,
    );
  }
  const vault = await openVault(ctx);
  try {
    if (!vault.has(name)) throw noSuchSecret(vault, name);
    if (!hasFlag(ctx, 'yes') && !(await confirmOnTerminal(ctx, `Delete ${name}?`))) {
      ctx.note('nothing deleted');
      return 0;
    }
    await vault.remove([name]);
    ctx.note(`deleted ${name}`);
    return 0;
  } finally {
    vault.lock();
  }
}
