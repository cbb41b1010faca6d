// Writing the project file `.lsec.json`: through conf, whose writes are atomic (temp
// file + rename), re-reading the file first so a hand edit made meanwhile is kept.
// Apart from project.ts so that reading (the TUI's first frame) never loads conf.

import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { UsageError } from '../lib/errors.js';
import { checkProfileName, type Project, parseProjectText, projectPath } from './project.js';
import { checkProjectFile } from './project-dir.js';
import { renameSecretRefs } from './project-edit.js';
import {
  checkProject,
  emptyProject,
  normalizeProfile,
  PROJECT_FILE,
  type Profile,
  type ProjectData,
  summarizeProblems,
} from './project-schema.js';

/**
 * Re-reads the file, replaces one profile (keeping its place among the others)
 * and writes the whole file atomically. Throws before writing when the file on
 * disk is malformed, so a hand edit is never lost.
 */
export function writeProfile(dir: string, name: string, profile: Profile): Project {
  checkProfileName(name);
  return updateProject(dir, (current) => {
    const entries = Object.entries(current.profiles);
    const index = entries.findIndex(([key]) => key === name);
    const replacement: [string, Profile] = [name, normalizeProfile(profile)];
    if (index >= 0) entries[index] = replacement;
    else entries.push(replacement);
    return { version: current.version, profiles: Object.fromEntries(entries) };
  });
}

/**
 * Re-reads the file in `dir`, gives its data to `edit` and writes what comes back in
 * one atomic write; nothing is written when `edit` returns the data it was given.
 */
function updateProject(dir: string, edit: (current: ProjectData) => ProjectData): Project {
  const file = projectPath(dir);
  checkProjectFile(file, true);
  const conf = openConf(file);
  const stored = conf.store;
  const current = Object.keys(stored).length === 0 ? emptyProject() : fromStore(stored);
  const next = edit(current);
  if (next === current) return { path: file, exists: true, data: current };
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
 * names `to` (`lsec mv` and the TUI's rename), in one write: all profiles or none.
 * Returns how many mappings changed.
 */
export function renameSecretInProject(dir: string, from: string, to: string): number {
  if (!checkProjectFile(projectPath(dir))) return 0;
  let count = 0;
  updateProject(dir, (current) => {
    const profiles = Object.entries(current.profiles).map(([name, profile]) => {
      const edit = renameSecretRefs(normalizeProfile(profile), from, to);
      count += edit.count;
      return [name, edit.profile] as const;
    });
    return count === 0
      ? current
      : { version: current.version, profiles: Object.fromEntries(profiles) };
  });
  return count;
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
