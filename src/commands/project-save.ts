// Saving a command's profile, apart from project-ctx.ts so that the commands that only
// read the project file (show, run, cloud checks) never load conf.

import type { Profile } from '../store/project-schema.js';
import { writeProfile } from '../store/project-write.js';
import type { Ctx } from './context.js';
import type { ProjectCtx } from './project-ctx.js';

/** Saves the profile; says `created profile NAME` when this made it. */
export function saveProfile(p: ProjectCtx, profile: Profile, ctx?: Ctx): void {
  writeProfile(p.dir, p.profileName, profile);
  if (!p.existed && ctx) ctx.note(`created profile ${p.profileName}`);
}
