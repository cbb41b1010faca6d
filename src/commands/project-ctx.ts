import { UsageError } from '../lib/errors.js';
import {
  getProfile,
  hasProfile,
  type Project,
  readProject,
  unknownProfileError,
} from '../store/project.js';
import { findProjectDir } from '../store/project-dir.js';
import { DEFAULT_PROFILE, type Profile } from '../store/project-schema.js';
import { type Ctx, flag } from './context.js';

export interface ProjectCtx {
  dir: string;
  profileName: string;
  project: Project;
  profile: Profile;
  /** False when the profile is new: only commands opened with `create` see that. */
  existed: boolean;
}

/**
 * The project file and profile a command works on (--dir, --profile). An unknown
 * profile is exit 2 with a did-you-mean, so a typo never launches with no secrets or
 * saves an empty profile; only `map` and `env` pass `create` (DESIGN §4).
 */
export function openProject(ctx: Ctx, options: { create?: boolean } = {}): ProjectCtx {
  const dir = findProjectDir(process.cwd(), flag(ctx, 'dir'));
  const profileName = flag(ctx, 'profile') ?? DEFAULT_PROFILE;
  const project = readProject(dir);
  const profile = getProfile(project, profileName);
  const existed = hasProfile(project, profileName);
  if (!existed && !options.create) throw unknownProfileError(project, profileName);
  return { dir, profileName, project, profile, existed };
}

/** Splits KEY=VALUE at the first "=", as `lsec env` and `lsec map` take it. */
export function splitAssignment(arg: string, shape: string): [string, string] {
  const eq = arg.indexOf('=');
  if (eq <= 0)
    throw new UsageError(`expected ${shape}, got "${arg}"`, `for example: lsec ${shape}`);
  return [arg.slice(0, eq), arg.slice(eq + 1)];
}
