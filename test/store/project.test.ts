import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/errors.js';
import { getProfile, readProject } from '../../src/store/project.js';
import { findProjectDir } from '../../src/store/project-dir.js';
import {
  removeMapping,
  removePlainVar,
  setMapping,
  setPlainVar,
} from '../../src/store/project-edit.js';
import { emptyProfile, type Profile } from '../../src/store/project-schema.js';
import { renameSecretInProject, writeProfile } from '../../src/store/project-write.js';
import { lsecBin, tempDir } from '../helpers/cli.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsec-project-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const DESIGN_EXAMPLE = {
  version: 1,
  profiles: {
    default: {
      app: 'app.py',
      cloud: true,
      name: 'my-app',
      env: { FOO: 'bar' },
      secrets: { MY_APP_SECRET: 'my-secret' },
      args: ['--open-ui', 'false'],
    },
  },
};

function file(): string {
  return path.join(dir, '.lsec.json');
}

function caught(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('readProject / writeProfile', () => {
  it('gives an empty project when there is no file, and creates nothing', () => {
    const missing = path.join(dir, 'not-there');
    const project = readProject(missing);
    expect(project).toEqual({
      path: path.join(missing, '.lsec.json'),
      exists: false,
      data: { version: 1, profiles: {} },
    });
    expect(fs.existsSync(missing)).toBe(false);
    expect(getProfile(project, 'default')).toEqual(emptyProfile());
  });

  it('reads the DESIGN §4 example and writes it back byte for byte', () => {
    const text = `${JSON.stringify(DESIGN_EXAMPLE, null, 2)}\n`;
    fs.writeFileSync(file(), text);
    const project = readProject(dir);
    expect(project.exists).toBe(true);
    expect(project.data).toEqual(DESIGN_EXAMPLE);
    writeProfile(dir, 'default', getProfile(project, 'default'));
    expect(fs.readFileSync(file(), 'utf8')).toBe(text);
  });

  it('round-trips through the real file keeping the order of variables', () => {
    const profile: Profile = {
      app: 'app.py',
      env: { ZED: '1', ALPHA: '', MID: 'x y' },
      secrets: { Z_KEY: 'z-key', A_KEY: 'a-key' },
    };
    writeProfile(dir, 'default', profile);
    const read = getProfile(readProject(dir), 'default');
    expect(read).toEqual(profile);
    expect(Object.keys(read.env)).toEqual(['ZED', 'ALPHA', 'MID']);
    expect(Object.keys(read.secrets)).toEqual(['Z_KEY', 'A_KEY']);
    const raw = JSON.parse(fs.readFileSync(file(), 'utf8'));
    expect(raw).toEqual({ version: 1, profiles: { default: profile } });
  });

  it('writes the profile fields in the documented order', () => {
    writeProfile(dir, 'default', {
      args: ['--open-ui', 'false'],
      secrets: {},
      env: {},
      name: 'n',
      cloud: false,
      app: 'a.py',
    });
    const raw = JSON.parse(fs.readFileSync(file(), 'utf8'));
    expect(Object.keys(raw.profiles.default)).toEqual([
      'app',
      'cloud',
      'name',
      'env',
      'secrets',
      'args',
    ]);
  });

  it('replaces one profile in place and leaves the others alone', () => {
    writeProfile(dir, 'dev', { app: 'dev.py', env: { A: '1' }, secrets: {} });
    writeProfile(dir, 'default', { app: 'app.py', env: {}, secrets: { S: 'sec' } });
    writeProfile(dir, 'dev', { app: 'dev2.py', env: { B: '2' }, secrets: {} });
    const { data } = readProject(dir);
    expect(Object.keys(data.profiles)).toEqual(['dev', 'default']);
    expect(data.profiles.dev).toEqual({ app: 'dev2.py', env: { B: '2' }, secrets: {} });
    expect(data.profiles.default).toEqual({ app: 'app.py', env: {}, secrets: { S: 'sec' } });
  });

  it('keeps an env name such as __proto__ as data', () => {
    fs.writeFileSync(
      file(),
      '{"version":1,"profiles":{"default":{"env":{"__proto__":"x","B":"y"},"secrets":{}}}}',
    );
    const profile = getProfile(readProject(dir), 'default');
    expect(Object.keys(profile.env)).toEqual(['__proto__', 'B']);
    writeProfile(dir, 'default', profile);
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).profiles.default.env).toEqual(
      JSON.parse('{"__proto__":"x","B":"y"}'),
    );
  });

  it('accepts a profile without env or secrets and a leading byte-order mark', () => {
    fs.writeFileSync(file(), '\uFEFF{"version":1,"profiles":{"default":{"app":"a.py"}}}');
    expect(getProfile(readProject(dir), 'default')).toEqual({ app: 'a.py', env: {}, secrets: {} });
  });

  it('refuses a bad profile name', () => {
    const error = caught(() => getProfile(readProject(dir), '../x'));
    expect(error.exitCode).toBe(2);
    expect(() => writeProfile(dir, '-x', emptyProfile())).toThrow(UsageError);
    expect(fs.existsSync(file())).toBe(false);
  });
});

describe('a malformed project file', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /not valid JSON \(the file is empty\)/],
    ['a trailing comma', '{\n  "version": 1,\n}', /not valid JSON .* at line 3, column 1/],
    ['garbage after the object', '{"version":1} x', /non-whitespace character after JSON/],
    ['an array', '[]', /must hold one JSON object \(it holds an array\)/],
    ['no version', '{"profiles":{}}', /version is missing/],
    ['an unknown version', '{"version":2,"profiles":{}}', /unknown version 2 /],
    ['a string version', '{"version":"1","profiles":{}}', /unknown version "1"/],
    [
      'a non-string plain value',
      '{"version":1,"profiles":{"default":{"env":{"FOO":1}}}}',
      /profiles\.default\.env\.FOO must be a string \(it is a number\)/,
    ],
    [
      'a non-string mapping',
      '{"version":1,"profiles":{"default":{"secrets":{"A B":null}}}}',
      /profiles\.default\.secrets\["A B"\] must be a string \(it is null\)/,
    ],
    [
      'cloud as a string',
      '{"version":1,"profiles":{"default":{"cloud":"yes"}}}',
      /profiles\.default\.cloud must be true or false/,
    ],
    [
      'args not strings',
      '{"version":1,"profiles":{"default":{"args":["--x",2]}}}',
      /profiles\.default\.args\[1\] must be a string/,
    ],
    [
      'an unknown field',
      '{"version":1,"profiles":{"default":{"secret":{}}}}',
      /profiles\.default\.secret is not a known field/,
    ],
    ['profiles as an array', '{"version":1,"profiles":[]}', /profiles must be an object/],
    ['an unknown top-level field', '{"version":1,"x y":1}', /\["x y"\] is not a known field/],
    [
      'a bad profile name',
      '{"version":1,"profiles":{"-p":{}}}',
      /profiles\["-p"\]: profile names start with/,
    ],
  ];

  it.each(cases)('%s: usage error naming the file, file unchanged', (_label, text, pattern) => {
    fs.writeFileSync(file(), text);
    const before = fs.statSync(file());
    const onRead = caught(() => readProject(dir));
    expect(onRead.exitCode).toBe(2);
    expect(onRead.message.startsWith(`${file()}: `)).toBe(true);
    expect(onRead.message).toMatch(pattern);
    const onWrite = caught(() =>
      writeProfile(dir, 'default', { app: 'x.py', env: {}, secrets: {} }),
    );
    expect(onWrite.message).toBe(onRead.message);
    expect(fs.readFileSync(file(), 'utf8')).toBe(text);
    expect(fs.statSync(file()).mtimeMs).toBe(before.mtimeMs);
    expect(fs.readdirSync(dir)).toEqual(['.lsec.json']);
  });

  it('lists several problems at once', () => {
    fs.writeFileSync(
      file(),
      '{"version":1,"profiles":{"default":{"app":1,"env":{"A":1},"secrets":[]}}}',
    );
    const { message } = caught(() => readProject(dir));
    expect(message).toMatch(/profiles\.default\.app must be a string/);
    expect(message).toMatch(/profiles\.default\.env\.A must be a string/);
    expect(message).toMatch(/profiles\.default\.secrets must be an object/);
  });

  it('never quotes the file back, so a plain value stays out of the message', () => {
    for (const text of [
      '{"version":1,"profiles":{"default":{"env":{"FOO":"hunter2", x}}}}',
      '{"version":1,"profiles":{"default":{"env":{"FOO":"hunter2"}}}} hunter2',
    ]) {
      fs.writeFileSync(file(), text);
      const { message } = caught(() => readProject(dir));
      expect(message).toMatch(/not valid JSON/);
      expect(message).not.toContain('hunter2');
    }
  });
});

describe('findProjectDir', () => {
  it('finds the nearest folder upward holding .lsec.json', () => {
    const deep = path.join(dir, 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', '.lsec.json'), '{}');
    expect(findProjectDir(deep)).toBe(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'b', '.lsec.json'), '{}');
    expect(findProjectDir(deep)).toBe(path.join(dir, 'a', 'b'));
  });

  // Every folder above the working directory must be the test's own, or a stray
  // .lsec.json above the temp folder would be found first: lsec runs in a private
  // mount namespace whose root is an empty tmpfs (the system is bound in read-only).
  it.skipIf(!canOwnRoot)('falls back to the working directory, up to the root', () => {
    const run = (script: string) => inOwnRoot(script);
    expect(run('cd /p/x/y && lsec show')).toMatch(/^file +\/p\/x\/y\/\.lsec\.json$/m);
    // The same run finds a file at the very top: the walk goes all the way up.
    expect(run("echo '{}' > /.lsec.json && cd /p/x/y && lsec show")).toContain(
      '/.lsec.json: version is missing',
    );
  });

  it('ignores a folder named .lsec.json', () => {
    const deep = path.join(dir, 'p', 'q');
    fs.mkdirSync(path.join(deep, '.lsec.json'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'p', '.lsec.json'), '{}');
    expect(findProjectDir(deep)).toBe(path.join(dir, 'p'));
  });

  it('takes --dir as given, relative to the working directory', () => {
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, '.lsec.json'), '{}');
    expect(findProjectDir(dir, 'app')).toBe(path.join(dir, 'app'));
    expect(findProjectDir('/', path.join(dir, 'app'))).toBe(path.join(dir, 'app'));
    const error = caught(() => findProjectDir(dir, 'nope'));
    expect(error.message).toBe('--dir nope: no such directory');
  });
});

describe('profile edits', () => {
  const base: Profile = { app: 'app.py', env: { A: '1', B: '2' }, secrets: { X: 'x', Y: 'y' } };

  it('adds a mapping at the end and replaces one in place', () => {
    expect(Object.entries(setMapping(base, 'Z', 'z-secret').secrets)).toEqual([
      ['X', 'x'],
      ['Y', 'y'],
      ['Z', 'z-secret'],
    ]);
    expect(Object.entries(setMapping(base, 'X', 'other').secrets)).toEqual([
      ['X', 'other'],
      ['Y', 'y'],
    ]);
    expect(base.secrets).toEqual({ X: 'x', Y: 'y' });
  });

  it('adds a plain variable at the end and replaces one in place', () => {
    expect(Object.entries(setPlainVar(base, 'A', '').env)).toEqual([
      ['A', ''],
      ['B', '2'],
    ]);
    expect(Object.keys(setPlainVar(base, 'C', '3').env)).toEqual(['A', 'B', 'C']);
    expect(base.env).toEqual({ A: '1', B: '2' });
  });

  it('refuses an env name already used by the other kind, saying which', () => {
    const asMapping = caught(() => setMapping(base, 'A', 'a-secret'));
    expect(asMapping.message).toBe('A is already a plain variable; one name cannot be both');
    expect(asMapping.hint).toBe('remove it first: lsec unenv A');
    const asPlain = caught(() => setPlainVar(base, 'X', 'v'));
    expect(asPlain.message).toBe('X is already mapped to the secret x; one name cannot be both');
    expect(asPlain.hint).toBe('remove the mapping first: lsec unmap X');
  });

  it('checks names with the name rules', () => {
    expect(caught(() => setMapping(base, '1BAD', 'ok')).message).toMatch(/"1BAD": environment/);
    expect(caught(() => setMapping(base, 'OK', 'github api token')).message).toMatch(
      /use github_api_token/,
    );
    // The docs' own example name is valid (DESIGN §3).
    expect(setMapping(base, 'API_TOKEN', 'github_api_token').secrets.API_TOKEN).toBe(
      'github_api_token',
    );
    expect(caught(() => setPlainVar(base, 'A-B', 'v')).message).toMatch(/use A_B/);
  });

  it('refuses "=" in a plain value without echoing the value', () => {
    const error = caught(() => setPlainVar(base, 'URL', 'https://x?q=s3cr3t'));
    expect(error.message).toMatch(/store it as a secret and map it/);
    expect(error.message).not.toContain('s3cr3t');
  });

  it('removes a mapping or a plain variable, keeping the rest in order', () => {
    expect(removeMapping(base, 'X').secrets).toEqual({ Y: 'y' });
    expect(removePlainVar(base, 'A').env).toEqual({ B: '2' });
    expect(caught(() => removeMapping(base, 'A')).hint).toBe(
      'A is a plain variable; remove it with: lsec unenv A',
    );
    expect(caught(() => removePlainVar(base, 'X')).hint).toBe(
      'X is mapped to a secret; remove it with: lsec unmap X',
    );
    expect(caught(() => removeMapping(base, 'constructor')).message).toBe(
      'constructor is not mapped to a secret',
    );
  });
});

const canOwnRoot =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-Urm', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `script` (sh, with `lsec` defined) chrooted into a fresh tmpfs holding only
 * /usr, /dev, /proc, the lsec build and an empty /p/x/y: no folder above the working
 * directory is anyone else's. Returns stdout + stderr.
 */
function inOwnRoot(script: string): string {
  const root = tempDir('lsec-root-');
  const bin = lsecBin();
  const build = path.dirname(path.dirname(bin));
  const setup = `set -e
R=${root}
mount -t tmpfs lsec-root "$R"
for d in /usr /dev /proc ${build}; do mkdir -p "$R$d"; mount --rbind "$d" "$R$d"; done
for l in /bin /lib /lib64 /sbin; do
  if [ -L "$l" ]; then ln -s "$(readlink "$l")" "$R$l"
  elif [ -d "$l" ]; then mkdir -p "$R$l"; mount --rbind "$l" "$R$l"; fi
done
mkdir -p "$R/p/x/y" "$R/home" "$R/tmp"
exec chroot "$R" /bin/sh -c "$0"`;
  const inside = `export HOME=/home LSEC_HOME=/home/lsec PATH=/usr/bin:/bin TMPDIR=/tmp
lsec() { ${process.execPath} ${bin} "$@" 2>&1; }
${script}`;
  const r = spawnSync('unshare', ['-Urm', 'sh', '-c', setup, inside], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  if (r.status !== 0 && r.stdout === '') throw new Error(`unshare failed: ${r.stderr}`);
  return r.stdout + r.stderr;
}

describe('renameSecretInProject', () => {
  const file = () => path.join(dir, '.lsec.json');
  const project = {
    version: 1,
    profiles: {
      default: { env: {}, secrets: { API_KEY: 'old-key', OTHER: 'other' } },
      staging: { env: { X: '1' }, secrets: { KEY: 'old-key', ALSO: 'old-key' } },
      prod: { env: {}, secrets: { KEY: 'prod-key' } },
    },
  };

  it('points every mapping in every profile at the new name, in one write', () => {
    fs.writeFileSync(file(), JSON.stringify(project));
    expect(renameSecretInProject(dir, 'old-key', 'new-key')).toBe(3);
    const after = readProject(dir).data.profiles;
    expect(after.default!.secrets).toEqual({ API_KEY: 'new-key', OTHER: 'other' });
    expect(after.staging!.secrets).toEqual({ KEY: 'new-key', ALSO: 'new-key' });
    expect(after.staging!.env).toEqual({ X: '1' });
    expect(after.prod!.secrets).toEqual({ KEY: 'prod-key' });
    expect(Object.keys(after)).toEqual(['default', 'staging', 'prod']);
  });

  it('leaves the file as it was when no mapping names the secret, and makes none', () => {
    const text = `${JSON.stringify(project)}\n`;
    fs.writeFileSync(file(), text);
    expect(renameSecretInProject(dir, 'unmapped', 'new-key')).toBe(0);
    expect(fs.readFileSync(file(), 'utf8')).toBe(text);
    fs.rmSync(file());
    expect(renameSecretInProject(dir, 'old-key', 'new-key')).toBe(0);
    expect(fs.existsSync(file())).toBe(false);
  });
});
