// Issue 11.1: a program lsec launches runs as the same user and may read lsec's own
// initial environment block in /proc/$PPID/environ. `delete process.env` leaves the
// block untouched, so LSEC_PASSPHRASE was there for every child of `run` and
// `launch`. lsec now wipes the value's bytes before any child exists; every other
// variable must stay exactly as it was.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { initVault, lsecBin, PASSPHRASE, runCli, tempDir } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

const linux = process.platform === 'linux';
let home: string;
let pass: string;
let dir: string;

beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: { 'my-secret': 'SENTINEL-VALUE' } }));
  dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  const profile = { app: 'app.py', env: { FOO: 'bar' }, secrets: { X: 'my-secret' } };
  writeFileSync(
    join(dir, '.lsec.json'),
    JSON.stringify({ version: 1, profiles: { default: profile } }),
  );
});

/** NUL-separated environ text -> its entries. */
const entries = (environ: string) => environ.split('\0').filter((e) => e !== '');

// Variables lsec was given besides the passphrase: all must read back intact.
const OTHERS = { MARK_BEFORE: 'kept-1', MARK_AFTER: 'kept 2 = with spaces', HOME: '/nowhere' };

describe.runIf(linux)('LSEC_PASSPHRASE is not in /proc/$PPID/environ', () => {
  it('lsec run: the child cannot read it; every other variable is intact', async () => {
    const r = await runCli(['run', '--', 'sh', '-c', 'cat /proc/$PPID/environ'], {
      home,
      cwd: dir,
      env: { ...OTHERS, LSEC_PASSPHRASE: PASSPHRASE },
    });
    expect(r.code, r.stderr).toBe(0);
    const environ = r.stdoutBytes.toString('latin1');
    expect(environ).not.toContain(PASSPHRASE);
    expect(environ).not.toContain('battery');
    const list = entries(environ);
    for (const [k, v] of Object.entries(OTHERS)) expect(list).toContain(`${k}=${v}`);
    expect(list).toContain(`LSEC_HOME=${home}`);
    // The name is left with an empty value (its bytes are NULs now).
    expect(list).toContain('LSEC_PASSPHRASE=');
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('lsec launch (cloud, fake launcher): the launcher cannot read it', async () => {
    // The .mjs fake records /proc/$PPID/environ as it found it.
    const log = join(tempDir('lsec-log-'), 'fake.jsonl');
    const r = await runCli(['launch'], {
      home,
      cwd: dir,
      env: {
        ...OTHERS,
        HOME: tempDir('lsec-userhome-'),
        LSEC_LIGHTNING: FAKE_LIGHTNING,
        FAKE_LIGHTNING_LOG: log,
        LSEC_PASSPHRASE: PASSPHRASE,
      },
    });
    expect(r.code, r.stderr).toBe(0);
    const [child] = fakeLaunches(log);
    expect(child?.parentEnviron).toBeDefined();
    expect(child!.parentEnviron).not.toContain(PASSPHRASE);
    const list = entries(child!.parentEnviron!);
    for (const [k, v] of Object.entries(OTHERS)) {
      if (k !== 'HOME') expect(list).toContain(`${k}=${v}`);
    }
  });

  it('the passphrase still unlocks (it was read before the wipe)', async () => {
    const r = await runCli(['get', 'my-secret'], {
      home,
      env: { LSEC_PASSPHRASE: PASSPHRASE },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('SENTINEL-VALUE\n');
  });

  it('--passphrase-file leaves nothing in the environment to read', async () => {
    const r = await runCli(
      ['run', '--passphrase-file', pass, '--', 'sh', '-c', 'cat /proc/$PPID/environ; echo "$X"'],
      { home, cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(PASSPHRASE);
    expect(r.stdout).toContain('SENTINEL-VALUE');
  });

  it.runIf(spawnSync('tmux', ['-V']).status === 0)(
    'the hidden prompt: the passphrase is in neither the environ nor the cmdline of lsec',
    async () => {
      const check =
        'tr "\\0" "\\n" < /proc/$PPID/environ > env.txt; tr "\\0" "\\n" < /proc/$PPID/cmdline > cmd.txt; echo "X=$X"';
      const term = await openTerminal({
        command: ['node', lsecBin(), 'run', '--', 'sh', '-c', check],
        env: { LSEC_HOME: home, LSEC_ITERATIONS: '600000', NO_COLOR: '1' },
        cwd: dir,
      });
      await term.waitFor('Passphrase:');
      term.type(PASSPHRASE);
      term.keys('Enter');
      expect(await term.exitCode(20_000)).toBe(0);
      expect(term.capture()).toContain('X=SENTINEL-VALUE');
      expect(readFileSync(join(dir, 'env.txt'), 'utf8')).not.toContain(PASSPHRASE);
      expect(readFileSync(join(dir, 'cmd.txt'), 'utf8')).not.toContain(PASSPHRASE);
      expect(readFileSync(join(dir, 'env.txt'), 'utf8')).toContain(`LSEC_HOME=${home}`);
    },
  );
});
