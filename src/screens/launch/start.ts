// What Enter does once every check passed: remember a typed app, read the mapped
// values for a local run, and build the child for the root to run after Ink has
// unmounted. Throws with a user-facing message; nothing is spawned here.
import { formatCommand } from '../../launch/compose.js';
import type { LaunchPlan } from '../../launch/plan.js';
import { childLaunch, mappedValues, needsValues } from '../../launch/prepare.js';
import type { Profile } from '../../store/project-schema.js';
import { writeProfile } from '../../store/project-write.js';
import type { Vault } from '../../store/vault.js';
import type { LaunchRequest } from '../types.js';

export interface StartInput {
  plan: LaunchPlan;
  /** The profile as launched (target and typed app applied). */
  profile: Profile;
  /** The profile as read from .lsec.json, and its name: a typed app is saved into it. */
  saved: { name: string; profile: Profile } | null;
  launcherPath: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  vault: Vault | null;
  /** The project the cloud check verified: pinned for a cloud run. */
  projectId?: string;
  /** A deployment's teamspace the cloud check verified: pinned for it. */
  teamspace?: string;
}

export function startLaunch(input: StartInput): LaunchRequest {
  const { plan, profile, dir, env, vault } = input;
  if (!plan.argv) throw new Error('nothing to launch');
  // Remembered only once the launch goes ahead, as `lsec launch APP` does.
  if (input.saved)
    writeProfile(dir, input.saved.name, { ...input.saved.profile, app: profile.app });
  let values: Map<string, string> | undefined;
  if (needsValues(plan, profile)) {
    if (!vault) throw new Error('the vault is locked: unlock it to run locally with its values');
    values = mappedValues(profile, (secret) => vault.reveal(secret));
  }
  const { projectId, teamspace } = input;
  const child = childLaunch({
    plan,
    profile,
    bin: input.launcherPath,
    dir,
    env,
    values,
    projectId,
    teamspace,
  });
  return { ...child, notice: `launching: ${formatCommand(plan.argv)}` };
}
