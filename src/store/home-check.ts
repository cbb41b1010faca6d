// LSEC_HOME must be a folder only you can change (issue 11.4, DESIGN §4): in a
// folder others may write, another user could plant a lock to block every write, or
// put a link where vault.json, its backup or seen.json goes so that lsec writes
// through it into a file of yours. The folder is checked like a project folder
// (lib/trust.ts) but without the sticky-bit exception (others could still create
// entries), and each file lsec writes there must be a regular file of yours, not a
// link. A missing folder or file is fine: lsec creates it itself (0700 / 0600).
import { lstatSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeError } from '../lib/errors.js';
import { checkOwnFile, checkTrustedDir, kindOf } from '../lib/trust.js';

/** The files lsec writes in LSEC_HOME. */
export const HOME_FILES = ['vault.json', 'vault.json.bak', 'seen.json'] as const;

/** Throws (naming the path and the fix) unless LSEC_HOME and its files are safe. */
export function checkHome(home: string): void {
  let st: Stats;
  try {
    st = statSync(home);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!st.isDirectory()) {
    throw new RuntimeError(
      `LSEC_HOME ${home} is ${kindOf(st)}, not a folder`,
      'set LSEC_HOME to a folder',
    );
  }
  checkTrustedDir(home, 'the lsec folder', { stickyOk: false });
  for (const name of HOME_FILES) {
    const path = join(home, name);
    let entry: Stats;
    try {
      entry = lstatSync(path);
    } catch {
      continue;
    }
    // A directory there keeps the vault reader's own message (and exit 1).
    if (entry.isDirectory()) continue;
    checkOwnFile(path, 'the file', HOME_MAX_BYTES);
  }
}

/** The largest text Node can hold in one string; a bigger file cannot be a vault. */
const HOME_MAX_BYTES = 512 * 1024 * 1024;
