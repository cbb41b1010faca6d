import { type Ctx, flag, newPassphrase } from './context.js';
import { openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const vault = await openVault(ctx);
  try {
    const next = await newPassphrase(ctx, {
      file: flag(ctx, 'new-passphrase-file'),
      fileFlag: 'new-passphrase-file',
      useEnv: false,
    });
    await vault.changePassphrase(next);
    ctx.note('passphrase changed');
    return 0;
  } finally {
    vault.lock();
  }
}
