// A fake Lightning install that parses with click itself (test/fixtures/fake-lightning.py):
// a folder laid out like a venv, whose launcher names its interpreter on the first line
// and whose site-packages holds the release's dist-info, as lsec reads it. The fake
// reads the same dist-info to pick its option table, so what lsec checks and what
// click accepts come from one declaration of the release.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './cli.js';

export const FAKE_CLICK = join(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/fake-lightning.py',
);

let python: string | null | undefined;

/** The real interpreter (not a shim) of `python3`, else `/usr/bin/python3`, that imports click. */
export function clickPython(): string | undefined {
  if (python !== undefined) return python ?? undefined;
  python = null;
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      const exe = execFileSync(candidate, ['-c', 'import click, sys; print(sys.executable)'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (exe) {
        python = exe;
        break;
      }
    } catch {
      // next candidate
    }
  }
  return python ?? undefined;
}

export type FakeRelease = '1.8.0' | '1.9.5' | '2.2.5' | 'sdk';

/** A venv-like folder with `bin/<script>` as the click fake of `release`; returns the launcher. */
export function installFake(release: FakeRelease, script = 'lightning'): string {
  const exe = clickPython();
  if (!exe) throw new Error('no python3 with click: install python3-click (.ci/run does)');
  const root = tempDir('lsec-venv-');
  const bin = join(root, 'bin');
  const [pkg, version] =
    release === 'sdk' ? ['lightning_sdk', '2026.8.18'] : ['lightning', release];
  const info = join(root, 'lib', 'python3.11', 'site-packages', `${pkg}-${version}.dist-info`);
  mkdirSync(bin, { recursive: true });
  mkdirSync(info, { recursive: true });
  symlinkSync(exe, join(bin, 'python3'));
  writeFileSync(
    join(info, 'METADATA'),
    `Metadata-Version: 2.1\nName: ${pkg}\nVersion: ${version}\n`,
  );
  writeFileSync(join(info, 'RECORD'), `../../../bin/${script},,\n`);
  const source = readFileSync(FAKE_CLICK, 'utf8').replace(/^#!.*\n/, `#!${join(bin, 'python3')}\n`);
  const launcher = join(bin, script);
  writeFileSync(launcher, source);
  chmodSync(launcher, 0o755);
  return launcher;
}

export interface ClickEntry {
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
  release: string;
  command?: string;
  parsed?: {
    env: [string, string][] | { name?: string; value?: string }[];
    secret: unknown[];
    [key: string]: unknown;
  };
  refused?: string;
  code?: number;
}

export function readClickLog(file: string): ClickEntry[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as ClickEntry);
  } catch {
    return [];
  }
}

/** Runs the fake directly: does click (and Lightning's own checks) accept `argv`? */
export function clickVerdict(launcher: string, argv: readonly string[], cwd: string) {
  const log = join(tempDir('lsec-clicklog-'), 'log.jsonl');
  const r = spawnSync(launcher, argv, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', FAKE_LIGHTNING_LOG: log },
  });
  return { code: r.status, stderr: r.stderr, entry: readClickLog(log)[0] };
}

const launchers = new Map<string, string>();

/** One install per release and script name per test file. */
export function fakeFor(release: FakeRelease, script = 'lightning'): string {
  const key = `${release}/${script}`;
  let launcher = launchers.get(key);
  if (!launcher) {
    launcher = installFake(release, script);
    launchers.set(key, launcher);
  }
  return launcher;
}

/** `lsec ARGS` through the real binary with the click fake as LSEC_LIGHTNING. */
export async function withClick(
  args: string[],
  options: {
    home: string;
    cwd: string;
    release?: FakeRelease;
    script?: string;
    env?: Record<string, string | undefined>;
  },
) {
  const { runCli } = await import('./cli.js');
  const log = join(tempDir('lsec-clicklog-'), 'log.jsonl');
  const launcher = fakeFor(options.release ?? '1.9.5', options.script);
  const r = await runCli(args, {
    home: options.home,
    cwd: options.cwd,
    env: {
      HOME: tempDir('lsec-userhome-'),
      LSEC_LIGHTNING: launcher,
      FAKE_LIGHTNING_LOG: log,
      ...options.env,
    },
  });
  const entries = readClickLog(log);
  return {
    ...r,
    launcher,
    log,
    launches: entries.filter((e) => e.parsed !== undefined),
    refusals: entries.filter((e) => e.refused !== undefined),
  };
}
