import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The folder holding the vault and settings: LSEC_HOME, else ~/.config/lsec. */
export function lsecHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LSEC_HOME;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  return join(homedir(), '.config', 'lsec');
}

export function vaultFile(home: string): string {
  return join(home, 'vault.json');
}
