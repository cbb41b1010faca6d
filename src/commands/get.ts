import type { Ctx } from './context.js';
import { noSuchSecret, openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const vault = await openVault(ctx);
  try {
    if (!vault.has(name)) throw noSuchSecret(vault, name);
    // The explicit reveal: the value goes to stdout exactly, plus one newline.
    ctx.out(`${vault.reveal(name)}\n`);
    return 0;
  } finally {
    vault.lock();
  }
}
