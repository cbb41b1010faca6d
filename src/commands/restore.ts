import type { Ctx } from './context.js';
import { openVault } from './open-vault.js';

/** Brings the most recently deleted secret of that name back from the trash. */
export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const vault = await openVault(ctx);
  try {
    await vault.restore(name);
    ctx.note(`restored ${name} from the trash`);
    return 0;
  } finally {
    vault.lock();
  }
}
