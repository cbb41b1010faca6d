// Which executable launches (DESIGN §5): LSEC_LIGHTNING, else lightning_app (the app
// CLI's name from Lightning 2.2.1, PR #19440, to 2.3.1), else lightning (1.8 to 2.2.0,
// and today's lightning-sdk). A deployment skips lightning_app: only lightning-sdk's
// `lightning` deploys. PATH is searched here rather than by spawning `which`, so
// nothing runs before the launch itself.

import fs from 'node:fs';
import path from 'node:path';
import { RuntimeError } from '../lib/errors.js';
import type { Target } from '../store/project-schema.js';

export const INSTALL_HINT =
  "install Lightning with `pip install lightning` (apps need a version before 2.4: pip install 'lightning<2.4'), or set LSEC_LIGHTNING to the launcher's path";

export interface Launcher {
  /** As shown in the printed command: the LSEC_LIGHTNING value or the bare name. */
  name: string;
  /** Absolute path to spawn, so a later PATH change cannot swap the program. */
  path: string;
}

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
    // An empty PATH entry means the working directory; skipping it keeps a file
    // dropped into the project folder from being run as "lightning".
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const file = path.join(dir, name);
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

/** The names tried on PATH, in order, for a target. */
function candidates(target: Target | undefined): string[] {
  return target === 'deployment' ? ['lightning'] : ['lightning_app', 'lightning'];
}

/** The launcher's name for display, never failing: used by `show` and --dry-run. */
export function launcherName(env: NodeJS.ProcessEnv = process.env, target?: Target): string {
  const configured = env.LSEC_LIGHTNING;
  if (configured !== undefined && configured !== '') return configured;
  return candidates(target).find((name) => findExecutable(name, env)) ?? 'lightning';
}

/** The launcher to spawn; a RuntimeError (exit 1) with the install hint when there is none. */
export function resolveLauncher(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  target?: Target,
): Launcher {
  const configured = env.LSEC_LIGHTNING;
  if (configured !== undefined && configured !== '') {
    const found = findExecutable(configured, env, cwd);
    if (!found) {
      throw new RuntimeError(
        `LSEC_LIGHTNING is ${configured}, which is not an executable file${configured.includes('/') ? '' : ' on PATH'}`,
        INSTALL_HINT,
      );
    }
    return { name: configured, path: found };
  }
  for (const name of candidates(target)) {
    const found = findExecutable(name, env, cwd);
    if (found) return { name, path: found };
  }
  if (target === 'deployment') {
    throw new RuntimeError(
      'lightning-sdk is not installed: lightning is not on PATH',
      "install it with `pip install lightning-sdk`, or set LSEC_LIGHTNING to its launcher's path",
    );
  }
  throw new RuntimeError(
    'Lightning is not installed: neither lightning_app nor lightning is on PATH',
    INSTALL_HINT,
  );
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
