// The launcher and what it is, found once for a plan: `lsec launch`, `show`,
// --dry-run and the launch screen all ask here, so a missing Lightning or a CLI that
// cannot do the profile's target is a pre-flight problem everywhere alike.
import { describeError } from '../lib/errors.js';
import type { Target } from '../store/project-schema.js';
import { type Launcher, resolveLauncher } from './launcher.js';
import { detectCli, type InstalledCli } from './release.js';

export interface Installed {
  launcher?: Launcher;
  cli?: InstalledCli;
  /** Why there is no launcher. */
  problem?: { message: string; fix: string };
}

export function findInstalled(env: NodeJS.ProcessEnv, dir: string, target?: Target): Installed {
  try {
    const launcher = resolveLauncher(env, dir, target);
    return { launcher, cli: detectCli(launcher.path, env) };
  } catch (error) {
    const { message, hint } = describeError(error);
    return { problem: { message, fix: hint ?? 'set LSEC_LIGHTNING' } };
  }
}
