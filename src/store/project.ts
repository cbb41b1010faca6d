// The project file `.lsec.json` (DESIGN §4): names only, never values, so it is
// safe to commit. Read and written through conf, whose writes are atomic
// (temp file + rename). A malformed file is the user's to fix: it is reported
// as a usage error with its path and never overwritten.

import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { suggest } from '../lib/argv.js';
import { UsageError } from '../lib/errors.js';
import { checkProjectFile } from './project-dir.js';
import { renameSecretRefs } from './project-edit.js';
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
  // Checked first because conf creates the folder when the file is missing, and
  // because a file someone else could have written is refused (checkProjectFile).
  if (!checkProjectFile(file)) return { path: file, exists: false, data: emptyProject() };
  const conf = openConf(file);
  return { path: file, exists: true, data: fromStore(conf.store) };
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

/**
 * Re-reads the file, replaces one profile (keeping its place among the others)
 * and writes the whole file atomically. Throws before writing when the file on
 * disk is malformed, so a hand edit is never lost.
 */
export function writeProfile(dir: string, name: string, profile: Profile): Project {
  checkProfileName(name);
  const file = projectPath(dir);
  checkProjectFile(file, true);
  const conf = openConf(file);
  const stored = conf.store;
  const current = Object.keys(stored).length === 0 ? emptyProject() : fromStore(stored);
  const entries = Object.entries(current.profiles);
  const index = entries.findIndex(([key]) => key === name);
  const replacement: [string, Profile] = [name, normalizeProfile(profile)];
  if (index >= 0) entries[index] = replacement;
  else entries.push(replacement);
  const next: ProjectData = { version: current.version, profiles: Object.fromEntries(entries) };
  // Never write what this code could not read back.
  const { problems } = checkProject(JSON.parse(JSON.stringify(next)));
  if (problems.length > 0) throw new UsageError(`${file}: ${summarizeProblems(problems)}`);
  conf.store = next;
  return { path: file, exists: true, data: next };
}

/**
 * Throws unless `.lsec.json` in `dir` can be written: trusted (checkProjectFile) and
 * its folder writable (conf writes a temp file there and renames it). For a command
 * that must check both of its writes before making either (import).
 */
export function checkProjectWritable(dir: string): void {
  const file = projectPath(dir);
  checkProjectFile(file, true);
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `cannot write ${file}: its folder is not writable (${code})`,
      `make ${path.dirname(file)} writable for you (or use --dir); nothing was changed`,
    );
  }
}

/**
 * The project file as it is now, and a way to put it back exactly (its bytes and
 * mode, or its absence) after a later step failed. Restored by a new file renamed
 * into place, so a link is never followed.
 */
export function snapshotProject(dir: string): () => void {
  const file = projectPath(dir);
  let before: { bytes: Buffer; mode: number } | undefined;
  if (checkProjectFile(file)) {
    before = { bytes: fs.readFileSync(file), mode: fs.statSync(file).mode & 0o777 };
  }
  return () => {
    if (!before) {
      fs.rmSync(file, { force: true });
      return;
    }
    const tmp = `${file}.restore-${process.pid}`;
    fs.rmSync(tmp, { force: true });
    fs.writeFileSync(tmp, before.bytes, { mode: before.mode, flag: 'wx' });
    fs.chmodSync(tmp, before.mode);
    fs.renameSync(tmp, file);
  };
}

/**
 * Every mapping to secret `from`, in every profile of the project file in `dir`, now
 * names `to` (`lsec mv` and the TUI's rename). Returns how many mappings changed.
 */
export function renameSecretInProject(dir: string, from: string, to: string): number {
  const project = readProject(dir);
  if (!project.exists) return 0;
  let count = 0;
  for (const name of Object.keys(project.data.profiles)) {
    const edit = renameSecretRefs(getProfile(project, name), from, to);
    if (edit.count === 0) continue;
    writeProfile(dir, name, edit.profile);
    count += edit.count;
  }
  return count;
}

function checkProfileName(name: string): void {
  const problem = profileNameProblem(name);
  if (problem) throw new UsageError(`--profile: ${problem}`);
}

function openConf(file: string): Conf<ProjectData> {
  return new Conf<ProjectData>({
    cwd: path.dirname(file),
    configName: path.basename(PROJECT_FILE, '.json'),
    fileExtension: 'json',
    configFileMode: 0o644,
    accessPropertiesByDotNotation: false,
    serialize: (data) => `${JSON.stringify(data, null, 2)}\n`,
    deserialize: (text) => parseProjectText(text, file),
  });
}

/** Conf hands back a null-prototype copy of the top level; make it plain data again. */
function fromStore(store: ProjectData): ProjectData {
  return { version: store.version, profiles: store.profiles };
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
