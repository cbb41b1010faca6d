// `lsec launch` through the real binary and the fake launcher (test/fixtures), which
// records the argv, cwd and environment it was started with. What a user relies on:
// the printed command is what runs, nothing runs while a problem remains, values
// never reach argv (visible to every user in `ps`), the cloud child gets no value
// and no passphrase, the local child gets every value, and lsec's exit status is
// the child's. Cloud launches here have no Lightning credentials (tmp HOME), so
// the cloud check is skipped with a notice; cloud-verify.test covers the check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_LIGHTNING,
  type FakeLaunch,
  fakeReady,
  fakeSignalled,
  fakeSignals,
} from '../fixtures/fake-lightning-log.js';
import { initVault, PASSPHRASE, runCli, spawnCli, tempDir } from '../helpers/cli.js';
import { launchWithFake, projectWith } from '../helpers/launch.js';

const VALUES = { 'my-secret': 'SENTINEL-one 1$x', 'another-secret': "SENTINEL-two 'q'" };
let home: string;
let pass: string;

beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: VALUES }));
});

/** A project folder with app.py and the docs' profile, written as a user would. */
function project(profile: object = docsProfile()): string {
  return projectWith(profile);
}
function docsProfile() {
  return {
    app: 'app.py',
    env: { FOO: 'bar' },
    secrets: { MY_APP_SECRET: 'my-secret', ANOTHER_SECRET: 'another-secret' },
  };
}

/** Runs lsec with the fake launcher; returns the result and what the fake recorded. */
function launch(dir: string, args: string[], extraEnv: Record<string, string> = {}) {
  return launchWithFake(args, { home, cwd: dir, env: extraEnv });
}

const argvHolds = (l: FakeLaunch, text: string) => l.argv.some((a) => a.includes(text));

describe('--dry-run', () => {
  it('prints one line that bash turns back into exactly the argv that runs; spawns nothing', async () => {
    const dir = project({
      app: 'app.py',
      name: 'my app',
      env: {
        SPACE: 'hello world',
        QUOTES: `it's "quoted"`,
        DOLLAR: '$HOME $(id) `id` \\n',
        LINES: 'one\ntwo\tthree',
        BANG: '!! ~/x *.py; a&b | c',
        UNICODE: 'ünï ✓',
        EMPTY: '',
      },
      secrets: { MY_APP_SECRET: 'my-secret' },
    });
    const extra = ['--', '--open-ui', 'false', '--app_args', 'a b'];
    const dry = await launch(dir, ['--dry-run', ...extra]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.endsWith('\n')).toBe(true);
    expect(dry.stdout.slice(0, -1)).not.toContain('\n');
    expect(dry.launches).toEqual([]);
    expect(existsSync(dry.log)).toBe(false);
    // Paste it into bash: printf shows each word bash made of the line.
    const words = execFileSync('bash', ['-c', `printf '%s\\0' ${dry.stdout}`], {
      env: { PATH: process.env.PATH, HOME: '/nonexistent' },
    })
      .toString('utf8')
      .split('\0')
      .slice(0, -1);
    const real = await launch(dir, extra);
    expect(real.code, real.stderr).toBe(0);
    expect(real.launches).toHaveLength(1);
    expect(words).toEqual([real.launcher, ...real.launches[0]!.argv]);
    expect(words).toContain('DOLLAR=$HOME $(id) `id` \\n');
    expect(words).toContain('LINES=one\ntwo\tthree');
  });
});

describe('pre-flight', () => {
  it('lists every problem at once, exits 2 and spawns nothing', async () => {
    const dir = project({
      app: 'missing.py',
      env: { 'BAD-NAME': '1', DUP: 'x', URL: 'https://x/?a=b' },
      secrets: { DUP: 'my-secret', GH: 'github api token', GONE: 'not-in-vault' },
    });
    const r = await launch(dir, ['--local']);
    expect(r.code).toBe(2);
    expect(r.launches).toEqual([]);
    // One report, so the user fixes everything in one pass.
    for (const expected of [
      'missing.py does not exist',
      '"BAD-NAME" is not a valid environment variable name',
      'DUP is both a plain variable and mapped',
      'the value of URL contains "="',
      'use github_api_token',
      'not-in-vault (mapped to GONE) is not in the vault',
      '6 problems: nothing was launched',
    ]) {
      expect(r.stderr).toContain(expected);
    }
    // Each problem comes with its fix.
    expect(r.stderr.match(/^ {2}fix: /gm)).toHaveLength(6);
  });
});

describe('the launched child', () => {
  it('cloud: names only in argv; no value and no LSEC_PASSPHRASE in its environment', async () => {
    const dir = project();
    const r = await launch(dir, [], { LSEC_PASSPHRASE: PASSPHRASE });
    expect(r.code, r.stderr).toBe(0);
    // Without credentials the cloud check is skipped, with one line saying so.
    expect(r.stderr).toMatch(/no Lightning credentials: not checking/);
    const [child] = r.launches;
    expect(child!.argv).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--env',
      'FOO=bar',
      '--secret',
      'MY_APP_SECRET=my-secret',
      '--secret',
      'ANOTHER_SECRET=another-secret',
    ]);
    expect(child!.cwd).toBe(dir);
    const envText = JSON.stringify(child!.env);
    for (const value of Object.values(VALUES)) {
      expect(argvHolds(child!, value)).toBe(false);
      expect(envText).not.toContain(value);
    }
    expect(child!.env.LSEC_PASSPHRASE).toBeUndefined();
    expect(envText).not.toContain(PASSPHRASE);
    expect(child!.env.FOO).toBe('bar');
  });

  it('--local: no --cloud, no --secret; each value in its environment only', async () => {
    const dir = project();
    const r = await launch(dir, ['--local'], { LSEC_PASSPHRASE: PASSPHRASE });
    expect(r.code, r.stderr).toBe(0);
    const [child] = r.launches;
    expect(child!.argv).toEqual(['run', 'app', 'app.py', '--env', 'FOO=bar']);
    expect(child!.env.MY_APP_SECRET).toBe(VALUES['my-secret']);
    expect(child!.env.ANOTHER_SECRET).toBe(VALUES['another-secret']);
    for (const value of Object.values(VALUES)) expect(argvHolds(child!, value)).toBe(false);
    expect(child!.env.LSEC_PASSPHRASE).toBeUndefined();
    expect(r.stdout + r.stderr).not.toContain('SENTINEL');
  });

  it('a profile with cloud: false runs locally without --local', async () => {
    const dir = project({ ...docsProfile(), cloud: false });
    const r = await launch(dir, ['--passphrase-file', pass]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches[0]!.argv).toEqual(['run', 'app', 'app.py', '--env', 'FOO=bar']);
    expect(r.launches[0]!.env.MY_APP_SECRET).toBe(VALUES['my-secret']);
  });

  it("lsec exits with the child's exit code", async () => {
    const r = await launch(project(), [], { FAKE_LIGHTNING_EXIT: '7' });
    expect(r.launches).toHaveLength(1);
    expect(r.code).toBe(7);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s to lsec reaches the child exactly once; lsec exits %i', async (signal, code) => {
    const log = join(tempDir('lsec-log-'), 'fake.jsonl');
    const dir = project({ app: 'app.py', env: {}, secrets: {} });
    const child = spawnCli(['launch'], {
      home,
      cwd: dir,
      env: {
        HOME: tempDir('lsec-userhome-'),
        LSEC_LIGHTNING: FAKE_LIGHTNING,
        FAKE_LIGHTNING_LOG: log,
        FAKE_LIGHTNING_WAIT: '1',
        // The app lingers long enough that the second signal meets it still running.
        FAKE_LIGHTNING_LINGER: '2000',
      },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    await fakeReady(log);
    // Sent twice, received once: a second interrupt can break the app's clean-up
    // (Python's KeyboardInterrupt inside a finally block).
    child.kill(signal);
    // The second comes once the first has reached the app, which is still lingering.
    await fakeSignalled(log, 1);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(fakeSignals(log)).toEqual([signal]);
  });
});

describe('APP, launcher and local mode', () => {
  it('APP fills an empty profile app and is remembered; it never replaces one', async () => {
    const dir = project({ env: {}, secrets: {} });
    writeFileSync(join(dir, 'other.py'), '');
    // A typo is refused (2) and not remembered: nothing could replace it later.
    const before = readFileSync(join(dir, '.lsec.json'), 'utf8');
    const typo = await launch(dir, ['ap.py', '--dry-run']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('ap.py does not exist');
    expect(readFileSync(join(dir, '.lsec.json'), 'utf8')).toBe(before);
    const first = await launch(dir, ['app.py', '--dry-run']);
    expect(first.code, first.stderr).toBe(0);
    const appOf = () =>
      JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8')).profiles.default.app;
    expect(appOf()).toBe('app.py');
    // With an app set, APP runs that file this once and the profile keeps its own.
    const second = await launch(dir, ['other.py']);
    expect(second.launches[0]!.argv.slice(0, 4)).toEqual(['run', 'app', 'other.py', '--cloud']);
    expect(appOf()).toBe('app.py');
  });

  it('from a sub-folder or with --dir, the child runs in the project folder', async () => {
    // app.py in argv is relative to the project folder, so that must be the cwd.
    const dir = project({ app: 'app.py', env: {}, secrets: {} });
    const sub = join(dir, 'src');
    mkdirSync(sub);
    const fromSub = await launch(sub, []);
    expect(fromSub.code, fromSub.stderr).toBe(0);
    expect(fromSub.launches[0]!.cwd).toBe(dir);
    const elsewhere = await launch(tempDir('lsec-cwd-'), ['--dir', dir]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.launches[0]!.cwd).toBe(dir);
  });

  it('a missing launcher is a pre-flight problem (exit 2) with how to install Lightning', async () => {
    const dir = project({ app: 'app.py', env: {}, secrets: {} });
    const configured = await launch(dir, [], { LSEC_LIGHTNING: join(dir, 'no-such-lightning') });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain('pip install lightning');
    expect(configured.stderr).toContain('LSEC_LIGHTNING');
    // Nothing configured and nothing on PATH: the same hint, not a spawn error.
    const r = await runCli(['launch'], {
      home,
      cwd: dir,
      env: { HOME: tempDir('lsec-userhome-'), PATH: tempDir('lsec-path-') },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lightning is not installed');
    expect(r.stderr).toContain('pip install lightning');
  });

  it('a mapped secret missing from the vault stops a local launch (exit 2, not spawned)', async () => {
    const dir = project({ app: 'app.py', env: {}, secrets: { X: 'not-there' } });
    const r = await launch(dir, ['--local', '--passphrase-file', pass]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lsec add not-there');
    expect(r.launches).toEqual([]);
  });
});
