// The session's profile as .lsec.json holds it, for every screen that reads it (home's
// MAPPED column, the launch screen) and for the TUI's shared cloud connection, so
// home, push and launch work in the same project as `lsec push` and `lsec launch`
// with that profile. A missing file is an empty profile; an unreadable one is an
// empty profile and why (the mappings and launch screens show it).
import { describeError } from '../../lib/errors.js';
import { getProfile, readProject } from '../../store/project.js';
import { emptyProfile, type Profile } from '../../store/project-schema.js';
import { sentence } from './text.js';

/** The session's profile, or an empty one and why .lsec.json could not be read. */
export function loadProfile(dir: string, name: string): { profile: Profile; error?: string } {
  try {
    return { profile: getProfile(readProject(dir), name) };
  } catch (error) {
    return { profile: emptyProfile(), error: sentence(describeError(error).message) };
  }
}

/** The `project` the profile names, if any. */
export function profileProject(dir: string, profileName: string): string | undefined {
  return loadProfile(dir, profileName).profile.project;
}
