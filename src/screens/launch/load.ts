// What the launch screen reads from disk and the vault, each a plain function so the
// container can read it again when the screen comes back into view.
import { resolveLauncher } from '../../launch/launcher.js';
import { describeError } from '../../lib/errors.js';
import { getProfile, readProject } from '../../store/project.js';
import { emptyProfile, type Profile } from '../../store/project-schema.js';
import type { Vault } from '../../store/vault.js';
import { sentence } from '../shared/text.js';
import type { LauncherStatus } from './checks.js';

/** The session's profile, or an empty one and why .lsec.json could not be read. */
export function loadProfile(dir: string, name: string): { profile: Profile; error?: string } {
  try {
    return { profile: getProfile(readProject(dir), name) };
  } catch (error) {
    return { profile: emptyProfile(), error: sentence(describeError(error).message) };
  }
}

export function vaultNamesOf(vault: Vault | null): ReadonlySet<string> {
  return new Set(vault?.list().map((s) => s.name) ?? []);
}

/** The launcher, found now so a missing one is a ✗ here rather than an error after leaving. */
export function findLauncher(env: NodeJS.ProcessEnv, dir: string): LauncherStatus {
  try {
    const { name, path } = resolveLauncher(env, dir);
    return { ok: true, name, path };
  } catch (error) {
    const { message, hint } = describeError(error);
    return { ok: false, message: sentence(message), fix: hint ?? 'set LSEC_LIGHTNING' };
  }
}
