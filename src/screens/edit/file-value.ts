// "Value from file": the way to store a multi-line value such as a PEM key, which a
// terminal field cannot take reliably. Same rules as a value piped to `lsec add`:
// bytes as they are but one trailing newline, UTF-8 only, at most 1 MiB.
import { open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UsageError } from '../../lib/errors.js';
import { MAX_VALUE_BYTES } from '../../store/vault-format.js';
import { checkValue } from '../../store/vault-rules.js';

/** `~/x` is the user's home, as in a shell; other paths are relative to `cwd`. */
export function expandPath(
  path: string,
  cwd: string = process.cwd(),
  home: string = homedir(),
): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return resolve(home, path.slice(2));
  return resolve(cwd, path);
}

export async function readValueFile(path: string, cwd?: string): Promise<string> {
  const full = expandPath(path, cwd);
  const handle = await open(full, 'r');
  let bytes: Buffer;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UsageError(`${full} is not a regular file`);
    // One byte of slack for the newline that is dropped.
    if (stat.size > MAX_VALUE_BYTES + 1) {
      throw new UsageError(`${full} is ${stat.size} bytes; a value is at most 1 MiB`);
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(0, end),
    );
  } catch {
    throw new UsageError(`${full} is not UTF-8 text`, 'lsec stores text values only');
  } finally {
    bytes.fill(0);
  }
  checkValue(text);
  return text;
}
