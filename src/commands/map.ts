import { describeError, UsageError } from '../lib/errors.js';
import { cloudOnlyNameProblem, secretNameProblem } from '../store/names.js';
import { setMapping } from '../store/project-edit.js';
import type { Profile } from '../store/project-schema.js';
import { vaultNames } from '../store/vault-names.js';
import type { Ctx } from './context.js';
import { openProject, splitAssignment } from './project-ctx.js';
import { saveProfile } from './project-save.js';

/**
 * A name outside lsec's rule can still be mapped when the cloud lists it (made in the
 * web UI) and it is safe in an argv (DESIGN §3); anything else is refused with why.
 */
async function cloudOnly(ctx: Ctx, secret: string, profile: Profile): Promise<boolean> {
  const problem = secretNameProblem(secret);
  if (!problem) return false;
  const unsafe = cloudOnlyNameProblem(secret);
  if (unsafe)
    throw new UsageError(
      `${JSON.stringify(secret)}: ${problem}`,
      `and it cannot be a cloud-only secret either: ${unsafe}`,
    );
  let listed: boolean;
  try {
    // Loaded only for such a name, so a plain map stays quick to start.
    // Asked where a launch of this profile would look (its project, or a deployment's teamspace).
    const { checkCloud, cloudWish } = await import('../launch/prepare.js');
    const answer = await checkCloud(ctx.env, cloudWish(profile));
    listed = answer.state === 'listed' && answer.names.has(secret);
  } catch (error) {
    throw new UsageError(
      `${JSON.stringify(secret)}: ${problem}`,
      `the cloud could not be asked whether it has this secret (${describeError(error).message})`,
    );
  }
  if (!listed) {
    throw new UsageError(
      `${JSON.stringify(secret)}: ${problem}`,
      'a name outside this rule can only be mapped when the Lightning cloud lists it',
    );
  }
  return true;
}

export async function run(ctx: Ctx): Promise<number> {
  const [envName, secret] = splitAssignment(ctx.args.positionals[0]!, 'map ENV=SECRET');
  const p = openProject(ctx, { create: true });
  const fromCloud = await cloudOnly(ctx, secret, p.profile);
  saveProfile(p, setMapping(p.profile, envName, secret, { cloudOnly: fromCloud }), ctx);
  ctx.note(`${p.profileName}: ${envName} <- secret ${secret}${fromCloud ? ' (cloud-only)' : ''}`);
  if (fromCloud) return 0;
  // Not an error: the secret may exist only in the cloud, or be added next. The
  // mapping is already saved, so an unreadable vault must not turn this into a
  // failure whose exit code says nothing changed.
  let inVault: boolean;
  try {
    inVault = vaultNames(ctx.home).has(secret);
  } catch (error) {
    ctx.note(`note: could not check the vault for ${secret}: ${describeError(error).message}`);
    return 0;
  }
  if (!inVault) ctx.note(`note: the vault has no secret named ${secret} yet (lsec add ${secret})`);
  return 0;
}
