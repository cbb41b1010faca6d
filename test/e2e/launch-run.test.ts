// `lsec run -- CMD...` through the real binary: any command gets the profile's plain
// variables and mapped values in its environment (never the passphrase), and lsec
// exits with its status, so `lsec run -- pytest` works in scripts and CI.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, PASSPHRASE, runCli, tempDir } from '../helpers/cli.js';

const VALUE = 'SENTINEL "quoted" $value\nline two';
let home: string;
let dir: string;

beforeAll(async () => {
  ({ home } = await initVault({ secrets: { 'my-secret': VALUE } }));
  dir = tempDir('lsec-proj-');
  const profile = { env: { FOO: 'bar', EMPTY: '' }, secrets: { X: 'my-secret' } };
  writeFileSync(
    join(dir, '.lsec.json'),
    JSON.stringify({ version: 1, profiles: { default: profile } }),
  );
});

// The passphrase comes from LSEC_PASSPHRASE, so the child's lack of it is meaningful.
const run = (cmd: string, cwd = dir, extra: Record<string, string> = {}) =>
  runCli(['run', '--', 'sh', '-c', cmd], {
    home,
    cwd,
    env: { HOME: tempDir('lsec-userhome-'), LSEC_PASSPHRASE: PASSPHRASE, ...extra },
  });

describe('lsec run', () => {
  it('the child sees the mapped value and the plain variables, not LSEC_PASSPHRASE', async () => {
    // $X is expanded by the child's shell (single quotes), as the help text says.
    const r = await run(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell expansion, run by sh
      'printf "%s|%s|%s|%s" "$X" "$FOO" "${EMPTY-unset}" "${LSEC_PASSPHRASE-unset}"',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${VALUE}|bar||unset`);
    expect(r.stderr).not.toContain('SENTINEL');
  });

  it('echo "$X" prints the value exactly', async () => {
    const r = await run('echo "$X"');
    expect(r.stdoutBytes.equals(Buffer.from(`${VALUE}\n`))).toBe(true);
  });

  it("exits with the child's code, or 128+N when signal N ended it", async () => {
    expect((await run('exit 9')).code).toBe(9);
    expect((await run('kill -TERM $$')).code).toBe(143);
  });

  it('a mapped secret missing from the vault: exit 2 naming it, and nothing runs', async () => {
    const other = tempDir('lsec-proj-');
    const profile = { env: {}, secrets: { X: 'my-secret', Y: 'not-there' } };
    writeFileSync(
      join(other, '.lsec.json'),
      JSON.stringify({ version: 1, profiles: { default: profile } }),
    );
    const marker = join(other, 'ran');
    const r = await run(`touch '${marker}'`, other);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Y <- not-there');
    expect(existsSync(marker)).toBe(false);
  });

  it('a command that does not exist: exit 1 with a message, not a crash', async () => {
    const r = await runCli(['run', '--', 'no-such-command-xyz'], {
      home,
      cwd: dir,
      env: { HOME: tempDir('lsec-userhome-'), LSEC_PASSPHRASE: PASSPHRASE },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-command-xyz');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('with nothing mapped no passphrase is needed; --dir picks the profile', async () => {
    const plain = tempDir('lsec-proj-');
    const env = { HOME: tempDir('lsec-userhome-') };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell expansion, run by sh
    const own = await runCli(['run', '--', 'sh', '-c', 'printf %s "${FOO-none}"'], {
      home,
      cwd: plain,
      env,
    });
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toBe('none');
    // The profile in --dir maps a secret, so now the vault must be unlocked: exit 3.
    const other = await runCli(['run', '--dir', dir, '--', 'sh', '-c', 'true'], {
      home,
      cwd: plain,
      env,
    });
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('LSEC_PASSPHRASE');
  });
});
