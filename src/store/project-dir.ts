// Where the project file is looked for (DESIGN §2). Apart from project.ts so the TUI
// can find the folder before its first frame without loading conf, which only the
// screens that read or write .lsec.json need.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';
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

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
