import { removePlainVar } from '../store/project-edit.js';
import type { Ctx } from './context.js';
import { openProject } from './project-ctx.js';
import { saveProfile } from './project-save.js';

export async function run(ctx: Ctx): Promise<number> {
  const key = ctx.args.positionals[0]!;
  const p = openProject(ctx);
  saveProfile(p, removePlainVar(p.profile, key));
  ctx.note(`${p.profileName}: removed --env ${key}`);
  return 0;
}
