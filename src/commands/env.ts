import { setPlainVar } from '../store/project-edit.js';
import type { Ctx } from './context.js';
import { openProject, splitAssignment } from './project-ctx.js';
import { saveProfile } from './project-save.js';

const LOOKS_SECRET = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;

export async function run(ctx: Ctx): Promise<number> {
  const [key, value] = splitAssignment(ctx.args.positionals[0]!, 'env KEY=VALUE');
  const p = openProject(ctx, { create: true });
  saveProfile(p, setPlainVar(p.profile, key, value), ctx);
  ctx.note(`${p.profileName}: --env ${key} set`);
  if (LOOKS_SECRET.test(key)) {
    ctx.note(
      `warning: ${key} looks like a secret, but plain variables are stored in .lsec.json in clear; prefer: lsec add NAME && lsec map ${key}=NAME`,
    );
  }
  return 0;
}
