import { UsageError } from '../lib/errors.js';
import { getProfile, type Project, readProject, writeProfile } from '../store/project.js';
import { findProjectDir } from '../store/project-dir.js';
import { DEFAULT_PROFILE, type Profile } from '../store/project-schema.js';
import { type Ctx, flag } from './context.js';

export interface ProjectCtx {
  dir: string;
  profileName: string;
  project: Project;
  profile: Profile;
}

/** The project file and profile a command works on (--dir, --profile). */
export function openProject(ctx: Ctx): ProjectCtx {
  const dir = findProjectDir(process.cwd(), flag(ctx, 'dir'));
  const profileName = flag(ctx, 'profile') ?? DEFAULT_PROFILE;
  const project = readProject(dir);
  return { dir, profileName, project, profile: getProfile(project, profileName) };
}

export function saveProfile(p: ProjectCtx, profile: Profile): void {
  writeProfile(p.dir, p.profileName, profile);
}

/** Splits KEY=VALUE at the first "=", as `lsec env` and `lsec map` take it. */
export function splitAssignment(arg: string, shape: string): [string, string] {
  const eq = arg.indexOf('=');
  if (eq <= 0)
    throw new UsageError(`expected ${shape}, got "${arg}"`, `for example: lsec ${shape}`);
  return [arg.slice(0, eq), arg.slice(eq + 1)];
}
