import { safeText } from '../lib/safe-text.js';
import { type Ctx, hasFlag } from './context.js';
import { copyValue } from './copy-value.js';
import { noSuchSecret, openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const vault = await openVault(ctx);
  try {
    if (!vault.has(name)) throw noSuchSecret(vault, name);
    if (hasFlag(ctx, 'copy')) {
      await copyValue(ctx, vault, name);
      return 0;
    }
    // The explicit reveal: to a pipe or a file, the value's exact bytes plus one newline.
    const value = vault.reveal(name);
    if (!ctx.stdoutIsTTY) {
      ctx.out(`${value}\n`);
      return 0;
    }
    // To a terminal, an escape sequence in a value would act (retitle the window, set the
    // clipboard through OSC 52, clear the screen): show control characters visibly.
    const shown = safeText(value);
    ctx.out(`${shown}\n`);
    if (shown !== value) {
      ctx.note(
        `the value holds control characters, shown as ^X or \\uXXXX; for its exact bytes, pipe it: lsec get ${name} | …`,
      );
    }
    return 0;
  } finally {
    vault.lock();
  }
}
