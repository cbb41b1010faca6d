import { UsageError } from '../lib/errors.js';
import type { Ctx } from './context.js';
import { openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const vault = await openVault(ctx);
  try {
    if (!vault.has(name))
      throw new UsageError(`no secret named ${name}`, 'see the names with: lsec list');
    // The explicit reveal: the value goes to stdout exactly, plus one newline.
    ctx.out(`${vault.reveal(name)}\n`);
    return 0;
  } finally {
    vault.lock();
  }
}
