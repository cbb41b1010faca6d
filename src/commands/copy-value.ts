import { copyToClipboard } from '../lib/clipboard.js';
import type { Vault } from '../store/vault.js';
import type { Ctx } from './context.js';

/** `get --copy` and `gen --copy`: the value to the clipboard, never to the screen. */
export async function copyValue(ctx: Ctx, vault: Vault, name: string): Promise<void> {
  // OSC 52 goes to whichever of stderr and stdout is a terminal (stderr first, so
  // `lsec get NAME --copy > file` still writes nothing to the file).
  const tty = process.stderr.isTTY ? process.stderr : ctx.stdoutIsTTY ? process.stdout : undefined;
  const r = await copyToClipboard(vault.reveal(name), { env: ctx.env, tty });
  ctx.note(
    `copied ${name} to the clipboard (${r.via.join(' and ')}); cleared in ${r.seconds} s if it still holds it`,
  );
}
