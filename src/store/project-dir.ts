// Finding the project file, and refusing one that someone else could have planted or
// changed (issue 11.4, DESIGN §4). The rule, as git's for a repository:
//
// - `.lsec.json` is a regular file (never a link: lsec writes it), owned by you or
//   root, not writable by group or others;
// - every folder lsec walks through to find it, from the working directory up to and
//   including the folder holding it (or the --dir folder), is owned by you or root and
//   not writable by group or others, unless it has the sticky bit (/tmp): there
//   nobody else can replace an entry of yours, and a file of theirs fails the check
//   above. Folders above the project folder are not checked (as git does not).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import { isDirectory } from '../lib/fs.js';
import { checkOwnFile, checkTrustedDir } from '../lib/trust.js';
import { PROJECT_FILE } from './project-schema.js';

/** Whether a file, a link, a FIFO… (anything but a folder) is at `file`: found, it is
 * then checked, so a link or a FIFO is refused by name rather than passed over. */
function present(file: string): boolean {
  try {
    return !lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `--dir`, else the nearest folder upward holding `.lsec.json`, else `cwd`. */
export function findProjectDir(cwd: string, explicitDir?: string): string {
  if (explicitDir !== undefined) {
    const dir = path.resolve(cwd, explicitDir);
    if (!isDirectory(dir)) throw new UsageError(`--dir ${explicitDir}: no such directory`);
    if (present(path.join(dir, PROJECT_FILE))) checkProjectFile(path.join(dir, PROJECT_FILE));
    return dir;
  }
  const start = path.resolve(cwd);
  const walked: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    walked.push(dir);
    const file = path.join(dir, PROJECT_FILE);
    if (present(file)) {
      checkProjectFile(file);
      for (const folder of walked) {
        if (folder === dir) checkProjectFolder(folder);
        else
          checkTrustedDir(folder, 'the folder', {
            stickyOk: true,
            why: `lsec walked through it to find ${file}`,
          });
      }
      return dir;
    }
    if (path.dirname(dir) === dir) return start;
  }
}

/** Far above any real project (10,000 mappings take about 1 MB); stops a runaway read. */
const PROJECT_MAX_BYTES = 16 * 1024 * 1024;

function checkProjectFolder(dir: string): void {
  checkTrustedDir(dir, 'the project folder', { stickyOk: true });
}

/**
 * Checks `.lsec.json` before it is read or written: false when it does not exist
 * (its folder is then checked before a write creates it); throws when untrusted.
 */
export function checkProjectFile(file: string, forWrite = false): boolean {
  const exists = checkOwnFile(file, 'the project file', PROJECT_MAX_BYTES);
  if (exists || forWrite) checkProjectFolder(path.dirname(file));
  return exists;
}
