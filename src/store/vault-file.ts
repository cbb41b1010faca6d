// File I/O for the vault: one read per command, and every write under an
// inter-process lock, re-read under that lock, kept as vault.json.bak, then written
// atomically through conf (temp file + fsync + rename) and the folder fsynced.
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { RuntimeError, UsageError } from '../lib/errors.js';
import { isFile } from '../lib/fs.js';
import { note } from '../lib/messages.js';
import { vaultFile } from '../lib/paths.js';
import { checkHome } from './home-check.js';
import { parseVault, parseVaultHeader, type VaultDoc } from './vault-format.js';

/** Whether anything at all is at the vault path (a directory there counts). */
export function vaultPathTaken(home: string): boolean {
  return existsSync(vaultFile(home));
}

export function vaultExists(home: string): boolean {
  return isFile(vaultFile(home));
}

/**
 * Reads and checks the vault. `entriesChecked: false` leaves the secret entries to
 * checkEntries, so unlock can check them while the key is being derived.
 */
export function readVault(home: string, options: { entriesChecked?: boolean } = {}): VaultDoc {
  const text = readVaultText(home);
  return options.entriesChecked === false ? parseVaultHeader(text) : parseVault(text);
}

/** The vault file's text; a missing, unreadable or misplaced file is a clear error. */
export function readVaultText(home: string): string {
  checkHome(home);
  const path = vaultFile(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(`no vault at ${path}`, 'create one with: lsec init');
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new RuntimeError(
        `cannot read the vault at ${path}: permission denied`,
        'check the file owner and mode (it should be 0600 and yours)',
      );
    }
    if (code === 'EISDIR') {
      throw new RuntimeError(
        `the vault path ${path} is a directory, not a file`,
        'move it out of the way, or set LSEC_HOME to another folder',
      );
    }
    throw error;
  }
  warnLoosePermissions(path);
  return text;
}

let warned = false;
function warnLoosePermissions(path: string): void {
  if (warned) return;
  try {
    const st = statSync(path);
    if ((st.mode & 0o077) !== 0 || (process.getuid && st.uid !== process.getuid())) {
      warned = true;
      note(`warning: ${path} is readable by others or not yours; run: chmod 600 ${path}`);
    }
  } catch {
    // The read that follows reports the real problem.
  }
}

/** Creates LSEC_HOME as 0700 ourselves: conf would make it 0755. */
export function ensureHome(home: string): void {
  process.umask(0o077);
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    const st = statSync(home);
    if (!st.isDirectory())
      throw new UsageError(`${home} is not a directory`, 'set LSEC_HOME to a folder');
    if ((st.mode & 0o077) !== 0 && (!process.getuid || st.uid === process.getuid())) {
      chmodSync(home, 0o700);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new RuntimeError(`cannot create ${home} (${code})`, 'set LSEC_HOME to a writable folder');
  }
}

type Lockfile = typeof import('proper-lockfile');
let lockfile: Lockfile | undefined;
let ConfClass: typeof import('conf')['default'] | undefined;

// Loaded on first write only: read-only commands such as `lsec list` stay lean.
async function writerDeps(): Promise<{ lock: Lockfile; Conf: typeof import('conf')['default'] }> {
  lockfile ??= (await import('proper-lockfile')).default;
  ConfClass ??= (await import('conf')).default;
  return { lock: lockfile, Conf: ConfClass };
}

/**
 * Runs `change` on the freshly re-read vault while holding the lock and writes what it
 * returns. `change` receives undefined when no vault exists yet (only init wants that).
 */
export async function updateVault(
  home: string,
  change: (current: VaultDoc | undefined) => VaultDoc | Promise<VaultDoc>,
  options: { backupNew?: boolean } = {},
): Promise<VaultDoc> {
  checkHome(home);
  ensureHome(home);
  const { lock, Conf } = await writerDeps();
  const path = vaultFile(home);
  let release: () => Promise<void>;
  try {
    release = await lock.lock(path, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 60, factor: 1.2, minTimeout: 20, maxTimeout: 200 },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new RuntimeError(
        'the vault is busy: another lsec is writing it',
        `try again; if no lsec is running, remove ${path}.lock`,
      );
    }
    throw error;
  }
  try {
    removeOrphanTemps(home);
    const current = vaultExists(home) ? readVault(home) : undefined;
    const next = await change(current);
    // A re-key (backupNew) never copies the old file to .bak: until the rename below
    // the old vault.json is the safe copy; after it, .bak becomes the new file.
    if (current && !options.backupNew) backup(path);
    const conf = new Conf<Record<string, unknown>>({
      cwd: home,
      configName: 'vault',
      fileExtension: 'json',
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });
    conf.store = next as unknown as Record<string, unknown>;
    fsyncDir(home);
    // After a passphrase change the previous file must not stay beside the vault (its
    // key slot opens with the old passphrase); replaced only once the new file is safe.
    if (options.backupNew) {
      backup(path);
      fsyncDir(home);
    }
    return next;
  } finally {
    await release();
  }
}

/** Keeps the previous good file; written by copy + rename so a crash leaves one whole .bak. */
function backup(path: string): void {
  const tmp = `${path}.bak.tmp`;
  copyFileSync(path, tmp);
  fsyncPath(tmp);
  renameSync(tmp, `${path}.bak`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  }
}

/** A writer killed mid-write leaves `vault.json.tmp-*`; under the lock none is live. */
function removeOrphanTemps(home: string): void {
  for (const name of readdirSync(home)) {
    if (/^vault\.json\.tmp-/.test(name) || name === 'vault.json.bak.tmp') {
      try {
        unlinkSync(join(home, name));
      } catch {
        // Gone already.
      }
    }
  }
}
