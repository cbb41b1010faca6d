import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { ioVerb, UsageError } from './errors.js';
import { kindOf } from './trust.js';

/** Whether `path` is a regular file (following links); false when it cannot be read. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is a directory (following links); false when it cannot be read. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The bytes of a regular file of at most `limit` bytes; anything else is a UsageError
 * naming `what` and the path (issue 11.10). Opened with O_NONBLOCK so a FIFO cannot
 * block the open, then checked with fstat on the open descriptor before any read, so a
 * FIFO or a device (/dev/zero) is refused instead of hanging or filling memory.
 */
export function readRegularFile(path: string, what: string, limit: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `cannot read ${what} ${path}: ${ioVerb(code)} (${code})`,
      'give the path of a readable file',
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new UsageError(
        `${what} ${path} is ${kindOf(st)}, not a regular file`,
        'lsec reads only regular files: write the content to a file and give its path',
      );
    }
    const tooBig = () =>
      new UsageError(
        `${what} ${path} is larger than ${limit} bytes`,
        'check that it is the right file',
      );
    if (st.size > limit) throw tooBig();
    // A file growing while it is read must not get past the limit either: the buffer
    // has room for what fstat said plus some, and filling it is an error.
    const bytes = Buffer.alloc(Math.min(limit, st.size + 65536) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
      if (got === bytes.length) {
        bytes.fill(0);
        if (got > limit) throw tooBig();
        throw new UsageError(`${what} ${path} kept growing while lsec read it`, 'try again');
      }
    }
    const out = Buffer.from(bytes.subarray(0, got));
    bytes.fill(0);
    return out;
  } finally {
    closeSync(fd);
  }
}
