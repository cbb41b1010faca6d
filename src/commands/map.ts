import { describeError } from '../lib/errors.js';
import { setMapping } from '../store/project-edit.js';
import { vaultNames } from '../store/vault-names.js';
import type { Ctx } from './context.js';
import { openProject, saveProfile, splitAssignment } from './project-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const [envName, secret] = splitAssignment(ctx.args.positionals[0]!, 'map ENV=SECRET');
  const p = openProject(ctx);
  saveProfile(p, setMapping(p.profile, envName, secret));
  ctx.note(`${p.profileName}: ${envName} <- secret ${secret}`);
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
