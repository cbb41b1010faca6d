import { removeMapping } from '../store/project-edit.js';
import type { Ctx } from './context.js';
import { openProject } from './project-ctx.js';
import { saveProfile } from './project-save.js';

export async function run(ctx: Ctx): Promise<number> {
  const envName = ctx.args.positionals[0]!;
  const p = openProject(ctx);
  saveProfile(p, removeMapping(p.profile, envName));
  ctx.note(`${p.profileName}: removed the mapping of ${envName}`);
  return 0;
}
