// Removing LSEC_PASSPHRASE from /proc/PID/environ (issue 11.1). `delete process.env.X`
// only drops libc's pointer; the kernel reports the process's *initial* environment
// block, which stays on the stack, and any child (same uid) reads it through
// /proc/$PPID/environ. On Linux a process may write its own memory through
// /proc/self/mem, so the value bytes are overwritten in place (with NUL bytes) before
// any child exists. Every other variable keeps its bytes and its address, so libc's
// environ pointers into the block stay valid. Elsewhere (macOS, the BSDs) there is no
// such way: the README points to --passphrase-file there.
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

/** The [start, end) addresses of the initial environment block (fields 50, 51 of stat). */
function envBlock(): [number, number] | undefined {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Field 2 (comm) is in parentheses and may hold spaces or ')': split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3, so field N is fields[N - 3].
  const start = Number(fields[50 - 3]);
  const end = Number(fields[51 - 3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) return undefined;
  return [start, end];
}

/**
 * Overwrites the value of `name=` in this process's initial environment block.
 * Returns true when the block no longer holds a value for it (or never did); false
 * when the platform offers no way (no /proc, or the write was refused).
 */
export function scrubInitialEnv(name: string): boolean {
  let fd: number | undefined;
  try {
    const block = envBlock();
    if (!block) return false;
    const [start, end] = block;
    fd = openSync('/proc/self/mem', 'r+');
    const bytes = Buffer.alloc(end - start);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    const key = Buffer.from(`${name}=`);
    let ok = true;
    // Every entry of that name (a crafted environment may hold several).
    for (let at = 0; at < got; ) {
      const stop = bytes.indexOf(0, at);
      const entryEnd = stop === -1 ? got : stop;
      if (bytes.subarray(at, at + key.length).equals(key) && entryEnd > at + key.length) {
        const from = at + key.length;
        const zeros = Buffer.alloc(entryEnd - from);
        ok = writeSync(fd, zeros, 0, zeros.length, start + from) === zeros.length && ok;
      }
      at = entryEnd + 1;
    }
    bytes.fill(0);
    return ok;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
