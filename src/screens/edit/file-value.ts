// "Value from file": the way to store a multi-line value such as a PEM key, which a
// terminal field cannot take reliably. Read by lib/stdin.ts, so the rules are those of
// a value piped to `lsec add`.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { readValueFromFile } from '../../lib/stdin.js';
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
  const text = readValueFromFile(expandPath(path, cwd));
  checkValue(text);
  return text;
}
