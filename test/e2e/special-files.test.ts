// Issue 11.10: a FIFO or a device given where lsec reads a file hung it (a FIFO with
// no writer blocks open and read forever) or crashed it (/dev/zero filled memory).
// lsec reads only regular files, with a size cap, and names the file and why. Each
// case runs the real binary with a deadline well under the harness's, so a hang fails.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectOneError,
  initVault,
  PASSPHRASE,
  readVaultBytes,
  runCli,
  tempDir,
  tempHome,
  vaultPath,
} from '../helpers/cli.js';

const fifo = (path: string) => execFileSync('mkfifo', [path]);
const DEADLINE = 15_000;

let home: string;
let pass: string;

beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: { k: 'v' } }));
});

describe('FIFOs and devices are refused by name, never read', () => {
  it('--passphrase-file naming a FIFO with no writer', async () => {
    const path = join(tempDir(), 'pass.fifo');
    fifo(path);
    const r = await runCli(['get', 'k', '--passphrase-file', path], { home, timeoutMs: DEADLINE });
    expect(r.code).toBe(2);
    expectOneError(
      r.stderr,
      /--passphrase-file .*pass\.fifo is a FIFO \(named pipe\), not a regular file/,
    );
  });

  it('--passphrase-file /dev/zero', async () => {
    const r = await runCli(['get', 'k', '--passphrase-file', '/dev/zero'], {
      home,
      timeoutMs: DEADLINE,
    });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /\/dev\/zero is a character device, not a regular file/);
  });

  it('a passphrase file far larger than a passphrase', async () => {
    const path = join(tempDir(), 'big');
    writeFileSync(path, `${PASSPHRASE}\n${'x'.repeat(1024 * 1024)}`);
    const r = await runCli(['get', 'k', '--passphrase-file', path], { home, timeoutMs: DEADLINE });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /is larger than 65536 bytes/);
  });

  it('import of a FIFO and of /dev/zero', async () => {
    const path = join(tempDir(), 'env.fifo');
    fifo(path);
    const project = tempDir('lsec-proj-');
    for (const [file, kind] of [
      [path, 'a FIFO'],
      ['/dev/zero', 'a character device'],
    ]) {
      const r = await runCli(['import', file!, '--passphrase-file', pass], {
        home,
        cwd: project,
        timeoutMs: DEADLINE,
      });
      expect(r.code).toBe(2);
      expectOneError(r.stderr, new RegExp(`the \\.env file ${file} is ${kind}`));
    }
  });

  it('vault.json as a FIFO: list and get refuse it, naming it', async () => {
    const h = tempHome();
    mkdirSync(h, { recursive: true, mode: 0o700 });
    fifo(vaultPath(h));
    for (const args of [['list'], ['get', 'k', '--passphrase-file', pass]]) {
      const r = await runCli(args, { home: h, timeoutMs: DEADLINE });
      expect(r.code).toBe(2);
      expectOneError(r.stderr, /vault\.json: it is a FIFO \(named pipe\), not a regular file/);
    }
  });

  it('vault.json as a link to /dev/zero is refused, never read', async () => {
    const h = tempHome();
    mkdirSync(h, { recursive: true, mode: 0o700 });
    symlinkSync('/dev/zero', vaultPath(h));
    const r = await runCli(['list'], { home: h, timeoutMs: DEADLINE });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /vault\.json: it is a symbolic link/);
  });

  it('.lsec.json as a FIFO: refused by name', async () => {
    const project = tempDir('lsec-proj-');
    fifo(join(project, '.lsec.json'));
    const r = await runCli(['show'], { home, cwd: project, timeoutMs: DEADLINE });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /\.lsec\.json: it is a FIFO \(named pipe\), not a regular file/);
  });

  it('the vault is unchanged after each refusal, and a regular file still works', async () => {
    const before = readVaultBytes(home);
    const path = join(tempDir(), 'pass.fifo');
    fifo(path);
    await runCli(['set', 'k', '--passphrase-file', path], {
      home,
      input: 'x',
      timeoutMs: DEADLINE,
    });
    expect(readVaultBytes(home).equals(before)).toBe(true);
    rmSync(path);
    writeFileSync(path, `${PASSPHRASE}\n`);
    const r = await runCli(['get', 'k', '--passphrase-file', path], { home });
    expect(r.stdout).toBe('v\n');
  });
});
