// The project file `.lsec.json` (DESIGN §4): names only, never values, so it is
// safe to commit. Read here with one plain file read; written through conf
// (project-write.ts), which is kept out of what the TUI loads for its first frame.
// A malformed file is the user's to fix: it is reported as a usage error with its
// path and never overwritten.

import fs from 'node:fs';
import path from 'node:path';
import { suggest } from '../lib/argv.js';
import { UsageError } from '../lib/errors.js';
import { checkProjectFile } from './project-dir.js';
import {
  checkProject,
  DEFAULT_PROFILE,
  emptyProfile,
  emptyProject,
  normalizeProfile,
  PROJECT_FILE,
  type Profile,
  type ProjectData,
  profileNameProblem,
  summarizeProblems,
} from './project-schema.js';

export interface Project {
  /** Absolute path of `.lsec.json`, whether or not it exists yet. */
  path: string;
  exists: boolean;
  data: ProjectData;
}

export function projectPath(dir: string): string {
  return path.join(path.resolve(dir), PROJECT_FILE);
}

/** The project in `dir`; an empty one when the file does not exist. */
export function readProject(dir: string): Project {
  const file = projectPath(dir);
  // A file someone else could have written is refused (checkProjectFile).
  if (!checkProjectFile(file)) return { path: file, exists: false, data: emptyProject() };
  return { path: file, exists: true, data: parseProjectText(fs.readFileSync(file, 'utf8'), file) };
}

/**
 * Whether the profile exists. `default` always does (empty until something is saved),
 * so a fresh folder works without a project file; any other name exists only once
 * `map`, `env` or the TUI's "new profile" made it (DESIGN §4).
 */
export function hasProfile(project: Project, name: string): boolean {
  return name === DEFAULT_PROFILE || Object.hasOwn(project.data.profiles, name);
}

/** Exit 2 for a profile that does not exist, with the nearest name when one is close. */
export function unknownProfileError(project: Project, name: string): UsageError {
  const names = Object.keys(project.data.profiles);
  const near = suggest(name, names);
  const known = names.length > 0 ? `profiles: ${names.join(', ')}` : 'no profiles yet';
  return new UsageError(
    `no profile named ${name} in ${project.path} (${known})`,
    near
      ? `did you mean --profile ${near}? (lsec map or lsec env with --profile ${name} creates it)`
      : `create it with lsec map ENV=SECRET --profile ${name} or lsec env KEY=VALUE --profile ${name}`,
  );
}

/** The named profile, or an empty one when the project has none by that name. */
export function getProfile(project: Project, name: string): Profile {
  checkProfileName(name);
  const found = Object.hasOwn(project.data.profiles, name)
    ? project.data.profiles[name]
    : undefined;
  return found ? normalizeProfile(found) : emptyProfile();
}

export function checkProfileName(name: string): void {
  const problem = profileNameProblem(name);
  if (problem) throw new UsageError(`--profile: ${problem}`);
}

/** Parses and checks the file's text; every failure names the file and the spot. */
export function parseProjectText(text: string, file: string): ProjectData {
  let raw: unknown;
  try {
    // An editor may have added a byte-order mark; JSON.parse refuses it.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(
      `${file}: not valid JSON (${jsonProblem(error, text)})`,
      'fix the file by hand; lsec leaves it unchanged until it parses',
    );
  }
  const { data, problems } = checkProject(raw);
  if (problems.length > 0) {
    throw new UsageError(
      `${file}: ${summarizeProblems(problems)}`,
      'fix the file by hand; lsec leaves it unchanged until it is valid',
    );
  }
  return data;
}

/** JSON.parse's reason with a line and column, minus the excerpt of the file V8 adds. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : 'unreadable';
  if (text.trim() === '') return 'the file is empty';
  const position = message.match(/at position (\d+)/);
  const reason = message
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*at position \d+.*$/s, '');
  if (!position) return reason;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}
