import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import { isDirectory, isFile } from '../lib/fs.js';
import { PROJECT_FILE } from './project-schema.js';

/** `--dir`, else the nearest folder upward holding `.lsec.json`, else `cwd`. */
export function findProjectDir(cwd: string, explicitDir?: string): string {
  if (explicitDir !== undefined) {
    const dir = path.resolve(cwd, explicitDir);
    if (!isDirectory(dir)) throw new UsageError(`--dir ${explicitDir}: no such directory`);
    return dir;
  }
  const start = path.resolve(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, PROJECT_FILE))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
