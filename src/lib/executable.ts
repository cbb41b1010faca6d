// Finding a program to run without spawning `which`: the launcher and the clipboard
// tools are looked up here, so nothing runs before the program itself.
import fs from 'node:fs';
import path from 'node:path';

/** The executable's absolute path: a name with "/" is taken as a path, else PATH is searched. */
export function findExecutable(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  if (name === '') return undefined;
  if (name.includes('/')) {
    const file = path.resolve(cwd, name);
    return isExecutableFile(file) ? file : undefined;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    // An empty or relative PATH entry means a folder relative to where lsec runs;
    // skipping it keeps a file dropped into a project folder from being run.
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
