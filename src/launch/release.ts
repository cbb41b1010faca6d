// Which Lightning CLI the launcher is, told without running Python (reference
// lightning.md §9, lightning-today.md §f): the launcher is a console script whose first
// line names its interpreter, and the package metadata (`*.dist-info`) sits in the
// site-packages beside that interpreter. The interpreter path is used as written: a
// venv's python is a symlink to the system one, and resolving it would leave the venv.
import fs from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../lib/executable.js';
import type { AppRelease } from './options.js';

export type InstalledCli =
  /** Lightning 1.8 to 2.3: `run app`, with that release's options. */
  | { kind: 'app'; release: AppRelease; package: string; version: string }
  /** lightning-sdk (today's `lightning`): `deployment`, no `run app`. */
  | { kind: 'sdk'; version: string }
  /** A Lightning whose `lightning` command has no `run app` (2.2.1+ legacy, or 2.4+). */
  | { kind: 'no-app'; package: string; version: string; why: string }
  /** Not told: checked against what every release accepts. */
  | { kind: 'unknown'; why: string };

interface DistInfo {
  dir: string;
  name: string;
  version: string;
}

const KNOWN = /^(lightning|lightning_app|lightning_sdk)-([0-9][^-]*)\.dist-info$/i;

/** The interpreter named by the launcher's `#!` line, found on PATH for `env python3`. */
function interpreterOf(launcher: string, env: NodeJS.ProcessEnv): string | undefined {
  let head: string;
  try {
    const fd = fs.openSync(launcher, 'r');
    try {
      const buffer = Buffer.alloc(512);
      const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, n).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (!head.startsWith('#!')) return undefined;
  const words = head.slice(2).split('\n')[0]!.trim().split(/\s+/);
  if (words[0] === undefined) return undefined;
  // pip writes a /bin/sh wrapper when the interpreter path is too long for #!:
  // `'''exec' "/long/venv/bin/python3" "$0" "$@"`.
  if (path.basename(words[0]) === 'sh') return head.match(/^'''exec' "([^"]+)"/m)?.[1];
  if (path.basename(words[0]) === 'env') {
    const name = words.slice(1).find((w) => !w.startsWith('-'));
    return name ? findExecutable(name, env) : undefined;
  }
  return words[0];
}

/** Every Lightning dist-info in the package folders of `prefix`. */
function distInfos(prefix: string): DistInfo[] {
  const found: DistInfo[] = [];
  const libs = [path.join(prefix, 'lib'), path.join(prefix, 'local', 'lib')];
  for (const lib of libs) {
    let pythons: string[];
    try {
      pythons = fs.readdirSync(lib).filter((d) => d.startsWith('python'));
    } catch {
      continue;
    }
    for (const python of pythons) {
      for (const packages of ['site-packages', 'dist-packages']) {
        const dir = path.join(lib, python, packages);
        let entries: string[];
        try {
          entries = fs.readdirSync(dir);
        } catch {
          continue;
        }
        for (const entry of entries) {
          const m = entry.match(KNOWN);
          if (m)
            found.push({ dir: path.join(dir, entry), name: m[1]!.toLowerCase(), version: m[2]! });
        }
      }
    }
  }
  return found;
}

/** Whether this dist-info's RECORD installed the script (`../../../bin/NAME,...`). */
function installed(info: DistInfo, script: string): boolean {
  try {
    const record = fs.readFileSync(path.join(info.dir, 'RECORD'), 'utf8');
    return record.split('\n').some((line) => line.split(',')[0]!.endsWith(`/bin/${script}`));
  } catch {
    return false;
  }
}

function versionParts(version: string): number[] {
  return version.split('.').map((p) => Number.parseInt(p, 10) || 0);
}

function atLeast(version: string, ...min: number[]): boolean {
  const v = versionParts(version);
  for (let i = 0; i < min.length; i++) {
    if ((v[i] ?? 0) !== min[i]) return (v[i] ?? 0) > min[i]!;
  }
  return true;
}

function appRelease(version: string): AppRelease | undefined {
  if (!atLeast(version, 1, 8)) return undefined;
  if (!atLeast(version, 1, 9)) return '1.8';
  if (!atLeast(version, 2, 0)) return '1.9';
  return '2.x';
}

/** What the package that installed `script` is, and so which commands it has. */
function classify(info: DistInfo, script: string): InstalledCli {
  const label = `${info.name} ${info.version}`;
  if (info.name === 'lightning_sdk') return { kind: 'sdk', version: info.version };
  if (info.name === 'lightning' && atLeast(info.version, 2, 4)) {
    return {
      kind: 'no-app',
      package: info.name,
      version: info.version,
      why: `${label} has no apps (removed in Lightning 2.4)`,
    };
  }
  if (info.name === 'lightning' && script === 'lightning' && atLeast(info.version, 2, 2, 1)) {
    return {
      kind: 'no-app',
      package: info.name,
      version: info.version,
      why: `in ${label} the app CLI is lightning_app (renamed in 2.2.1); \`lightning\` has no run app`,
    };
  }
  const release = appRelease(info.version);
  if (!release) {
    return { kind: 'unknown', why: `${label} is older than 1.8, the first release with --secret` };
  }
  return { kind: 'app', release, package: info.name, version: info.version };
}

/**
 * The CLI behind `launcher` (an absolute path). The script's own name and the
 * package whose RECORD lists it decide when several Lightning packages share a folder.
 */
export function detectCli(launcher: string, env: NodeJS.ProcessEnv = process.env): InstalledCli {
  const interpreter = interpreterOf(launcher, env);
  if (!interpreter) {
    return {
      kind: 'unknown',
      why: `${launcher} does not name a Python interpreter on its first line`,
    };
  }
  const prefixes = [path.dirname(path.dirname(interpreter)), path.dirname(path.dirname(launcher))];
  const seen = new Set<string>();
  const infos = prefixes.flatMap(distInfos).filter((i) => !seen.has(i.dir) && seen.add(i.dir));
  const script = path.basename(launcher);
  const owners = infos.filter((i) => installed(i, script));
  const candidates = owners.length > 0 ? owners : infos;
  if (candidates.length === 1) return classify(candidates[0]!, script);
  if (candidates.length === 0) {
    return { kind: 'unknown', why: `no Lightning package metadata beside ${interpreter}` };
  }
  return {
    kind: 'unknown',
    why: `several Lightning packages beside ${interpreter} (${candidates.map((i) => `${i.name} ${i.version}`).join(', ')})`,
  };
}

/** One line for the checks: which CLI and which option table. */
export function describeCli(cli: InstalledCli): string {
  switch (cli.kind) {
    case 'app':
      return `${cli.package} ${cli.version}: run app options of ${cli.release === '2.x' ? '2.0 to 2.3' : cli.release}`;
    case 'sdk':
      return `lightning-sdk ${cli.version}: deployment create/update options`;
    case 'no-app':
      return cli.why;
    case 'unknown':
      return `release not told (${cli.why}): checked against the options every release accepts`;
  }
}
