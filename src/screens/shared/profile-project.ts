// The `project` the current profile names, for the TUI's shared cloud connection, so
// home, push and launch in the TUI work in the same project as `lsec push` and
// `lsec launch` with that profile. A missing or unreadable file names none (the
// mappings screen reports a bad file).
import { getProfile, readProject } from '../../store/project.js';

export function profileProject(dir: string, profileName: string): string | undefined {
  try {
    return getProfile(readProject(dir), profileName).project;
  } catch {
    return undefined;
  }
}
