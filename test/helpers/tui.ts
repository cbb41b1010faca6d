// The TUI in a real terminal (tmux) around a real vault and project folder, with the
// fake Lightning launcher on hand, at a chosen size:
//
//   const { home } = await vaultWith({ 'api-key': 'v1' });
//   const dir = projectWith({ app: 'app.py', env: {}, secrets: { API_KEY: 'api-key' } }); // helpers/launch.ts
//   const { term, log } = await openLsec(home, { cwd: dir, columns: 40, rows: 10 });
import { join } from 'node:path';
import { Vault } from '../../src/store/vault.js';
import { FAKE_LIGHTNING } from '../fixtures/fake-lightning-log.js';
import { lsecBin, PASSPHRASE, TEST_ITERATIONS, tempDir, tempHome } from './cli.js';
import { drawnLines, openTerminal, type Terminal } from './tmux.js';

/** A vault holding `secrets`, locked again (the TUI unlocks it). */
export async function vaultWith(secrets: Record<string, string>): Promise<{ home: string }> {
  const home = tempHome();
  const vault = await Vault.create(home, PASSPHRASE, { iterations: Number(TEST_ITERATIONS) });
  const entries = Object.entries(secrets);
  if (entries.length > 0) await vault.write(entries, 'add');
  vault.lock();
  return { home };
}

export interface LsecTerminal {
  term: Terminal;
  /** Where the fake launcher records each launch. */
  log: string;
}

/**
 * lsec with no arguments in a terminal of the given size, unlocked through
 * LSEC_PASSPHRASE unless `env` says otherwise; no Lightning credentials anywhere.
 */
export async function openLsec(
  home: string,
  options: { cwd?: string; columns?: number; rows?: number; env?: Record<string, string> } = {},
): Promise<LsecTerminal> {
  const log = join(tempDir('lsec-log-'), 'fake.jsonl');
  const term = await openTerminal({
    command: [process.execPath, lsecBin()],
    cwd: options.cwd,
    columns: options.columns,
    rows: options.rows,
    env: {
      LSEC_HOME: home,
      LSEC_ITERATIONS: TEST_ITERATIONS,
      LSEC_PASSPHRASE: PASSPHRASE,
      LSEC_LIGHTNING: FAKE_LIGHTNING,
      FAKE_LIGHTNING_LOG: log,
      HOME: tempDir('lsec-userhome-'),
      NO_COLOR: '1',
      ...options.env,
    },
  });
  return { term, log };
}

/** The frame stays below the terminal's last row and nothing scrolled off the top. */
export function fitsIn(term: Terminal, screen: string): boolean {
  const lines = drawnLines(screen);
  return lines.length <= term.rows - 1 && /^lsec · /.test(lines[0] ?? '');
}

/** The sizes issue 12 was tried at. */
export const SIZES = [
  { columns: 100, rows: 30 },
  { columns: 60, rows: 15 },
  { columns: 40, rows: 10 },
] as const;
