// What the launch screen reads from disk and the vault, each a plain function so the
// container can read it again when the screen comes back into view.
import { findInstalled } from '../../launch/installed.js';
import type { Target } from '../../store/project-schema.js';
import type { Vault } from '../../store/vault.js';
import { sentence } from '../shared/text.js';
import type { LauncherStatus } from './checks.js';

export function vaultNamesOf(vault: Vault | null): ReadonlySet<string> {
  return new Set(vault?.list().map((s) => s.name) ?? []);
}

/**
 * The launcher for the target and what it is, found now so a missing one (or one that
 * cannot do the target) is a ✗ here rather than an error after leaving.
 */
export function findLauncher(env: NodeJS.ProcessEnv, dir: string, target?: Target): LauncherStatus {
  const { launcher, cli, problem } = findInstalled(env, dir, target);
  if (launcher && cli) return { ok: true, name: launcher.name, path: launcher.path, cli };
  return {
    ok: false,
    message: sentence(problem?.message ?? 'no launcher'),
    fix: problem?.fix ?? 'set LSEC_LIGHTNING',
  };
}
