// Whether a file or folder can be trusted (issue 11.4), the way git refuses a
// repository owned by someone else (CVE-2022-24765, safe.directory) and OpenSSH
// refuses a key file or folder others could write:
//
// - the owner is you or root;
// - group and others cannot write it. Group-write is accepted when the group is your
//   personal group (named like you, no other members: Debian's "user private groups",
//   where umask 002 makes every folder 0775);
// - a folder others may write is accepted only with the sticky bit (/tmp, mode 1777)
//   and only where the caller allows it: there nobody else can rename or replace an
//   entry of yours, so a folder or file of yours inside stays yours.
// - a file lsec writes is never a symbolic link (a link would redirect the write).
import { lstatSync, readFileSync, type Stats, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { UsageError } from './errors.js';

const uid = (): number | undefined => process.getuid?.();

let privateGroup: number | undefined | null = null;
/** The gid of the user's personal group, when the system has one. */
function personalGroup(): number | undefined {
  if (privateGroup !== null) return privateGroup;
  privateGroup = undefined;
  try {
    const me = userInfo().username;
    const gid = process.getgid?.();
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const [name, , id, members = ''] = line.split(':');
      if (Number(id) !== gid || name !== me) continue;
      if (members.split(',').every((m) => m === '' || m === me)) privateGroup = gid;
    }
  } catch {
    // No /etc/group (or unreadable): no group counts as personal.
  }
  return privateGroup;
}

/** What is wrong with who owns or may write `st`; undefined when nothing is. */
export function trustProblem(st: Stats, options: { stickyOk?: boolean } = {}): string | undefined {
  const me = uid();
  if (me === undefined) return undefined; // Windows: no uids to compare.
  if (st.uid !== me && st.uid !== 0) return `is owned by another user (uid ${st.uid})`;
  const sticky = (st.mode & 0o1000) !== 0 && st.isDirectory();
  if (sticky && options.stickyOk) return undefined;
  if (st.mode & 0o002) return 'is writable by other users';
  if (st.mode & 0o020 && st.gid !== personalGroup()) return 'is writable by its group';
  return undefined;
}

function fixFor(path: string, problem: string, isDir: boolean): string {
  if (problem.startsWith('is owned')) {
    return isDir
      ? `if you trust it, take it over (sudo chown -R $(id -u) ${path}); else work in a folder of your own`
      : `if you trust it, take it over (sudo chown $(id -u) ${path}); else have it removed, or use --dir`;
  }
  return `run: chmod go-w ${path}`;
}

/** Throws unless the folder at `path` (links followed) passes trustProblem; `why` says
 * what lsec wanted from the folder. */
export function checkTrustedDir(
  path: string,
  what: string,
  options: { stickyOk?: boolean; why?: string } = {},
): void {
  const problem = trustProblem(statSync(path), options);
  if (problem) {
    throw new UsageError(
      `refusing ${what} ${path}: it ${problem}${options.why ? `; ${options.why}` : ''}`,
      fixFor(path, problem, true),
    );
  }
}

/** A user-facing phrase for a file type that is not a regular file. */
export function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * For a file lsec reads and writes: false when nothing is there; true when it is a
 * regular file (not a link) passing trustProblem; else a UsageError naming it.
 */
export function checkOwnFile(path: string, what: string, maxBytes?: number): boolean {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!st.isFile()) {
    const link = st.isSymbolicLink();
    throw new UsageError(
      `refusing ${what} ${path}: it is ${kindOf(st)}${link ? ', and lsec never writes through a link' : ', not a regular file'}`,
      link
        ? `replace the link with the file itself (or remove it)`
        : `move it out of the way; lsec reads and writes only regular files`,
    );
  }
  const problem = trustProblem(st);
  if (problem) {
    throw new UsageError(`refusing ${what} ${path}: it ${problem}`, fixFor(path, problem, false));
  }
  if (maxBytes !== undefined && st.size > maxBytes) {
    throw new UsageError(
      `refusing ${what} ${path}: it is ${st.size} bytes, more than the ${maxBytes} lsec reads`,
      'check that it is the right file',
    );
  }
  return true;
}
