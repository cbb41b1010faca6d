// Which executable launches (DESIGN §5): LSEC_LIGHTNING, else lightning_app (the app
// CLI's name from Lightning 2.2.1, PR #19440, to 2.3.1), else lightning (1.8 to 2.2.0,
// and today's lightning-sdk). A deployment skips lightning_app: only lightning-sdk's
// `lightning` deploys. PATH is searched here rather than by spawning `which`, so
// nothing runs before the launch itself.

import { RuntimeError } from '../lib/errors.js';
import { findExecutable } from '../lib/executable.js';
import type { Target } from '../store/project-schema.js';

export const INSTALL_HINT =
  "install Lightning with `pip install lightning` (apps need a version before 2.4: pip install 'lightning<2.4'), or set LSEC_LIGHTNING to the launcher's path";

export interface Launcher {
  /** As shown in the printed command: the LSEC_LIGHTNING value or the bare name. */
  name: string;
  /** Absolute path to spawn, so a later PATH change cannot swap the program. */
  path: string;
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
