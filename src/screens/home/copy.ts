// `c` on home: the selected value to the clipboard, the way `lsec get NAME --copy` does
// it (lib/clipboard.ts), loaded only when first used.
import type { Vault } from '../../store/vault.js';

export async function copySelected(vault: Vault, name: string): Promise<string> {
  const { copyToClipboard } = await import('../../lib/clipboard.js');
  // OSC 52 to the terminal Ink draws on: it moves no cursor and prints nothing.
  const tty = process.stdout.isTTY ? process.stdout : undefined;
  const r = await copyToClipboard(vault.reveal(name), { env: process.env, tty });
  return `Copied ${name} (${r.via.join(' and ')}); cleared in ${r.seconds} s if unchanged`;
}
