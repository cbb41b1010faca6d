// Issue 11.11: `import` was not all-or-nothing. When `.lsec.json` could not be
// written, the secrets were already in the vault, the mappings were missing, and a
// re-run was refused ("already in the vault"). Now both writes are checked before
// either, and when the second fails the first is undone.
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSwitchUser, NOBODY, nobodysFolder, runAsNobody } from '../helpers/as-user.js';
import {
  expectOneError,
  initVault,
  PASSPHRASE,
  readVaultBytes,
  runCli,
  tempDir,
  vaultPath,
} from '../helpers/cli.js';

const DOTENV = 'API_KEY=SENTINEL-one\nDB_URL="postgres://x"\n';
const PROJECT = `${JSON.stringify({ version: 1, profiles: { default: { env: { FOO: 'bar' } } } }, null, 2)}\n`;

// The victim must not be root: root may write any file.
describe.runIf(canSwitchUser)('an unwritable .lsec.json (lsec runs as nobody)', () => {
  it('refuses before writing anything: the vault is unchanged byte for byte; a re-run works once fixed', async () => {
    const dir = nobodysFolder();
    const home = join(dir, '.home');
    mkdirSync(home, { mode: 0o700 });
    chownSync(home, NOBODY, NOBODY);
    const pass = join(dir, 'pass');
    writeFileSync(pass, `${PASSPHRASE}\n`);
    chownSync(pass, NOBODY, NOBODY);
    const init = await runAsNobody(['init', '--passphrase-file', pass], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);

    // The app folder and its .lsec.json belong to root (trusted), so nobody cannot write.
    const app = join(dir, '..', 'rootapp');
    mkdirSync(app, { mode: 0o755 });
    writeFileSync(join(app, '.lsec.json'), PROJECT, { mode: 0o644 });
    writeFileSync(join(app, '.env'), DOTENV, { mode: 0o644 });
    const before = readVaultBytes(home);

    const args = ['import', '.env', '--passphrase-file', pass];
    const r = await runAsNobody(args, { cwd: app, home });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /cannot write .*\.lsec\.json: its folder is not writable/);
    expect(readVaultBytes(home).equals(before)).toBe(true);
    expect(readFileSync(join(app, '.lsec.json'), 'utf8')).toBe(PROJECT);

    // Fixed: the folder and file are the user's now. The same command succeeds.
    chownSync(app, NOBODY, NOBODY);
    chownSync(join(app, '.lsec.json'), NOBODY, NOBODY);
    const again = await runAsNobody(args, { cwd: app, home });
    expect(again.code, again.stderr).toBe(0);
    const project = JSON.parse(readFileSync(join(app, '.lsec.json'), 'utf8'));
    expect(project.profiles.default.secrets).toEqual({ API_KEY: 'API_KEY', DB_URL: 'DB_URL' });
    const get = await runAsNobody(['get', 'API_KEY', '--passphrase-file', pass], {
      cwd: app,
      home,
    });
    expect(get.stdout).toBe('SENTINEL-one\n');
  });
});

describe('the vault write fails after the project file was written', () => {
  for (const existed of [true, false]) {
    it(`the project file is put back as it was (${existed ? 'an existing file' : 'no file before'})`, async () => {
      const { home, pass } = await initVault();
      const app = tempDir('lsec-proj-');
      if (existed) writeFileSync(join(app, '.lsec.json'), PROJECT);
      writeFileSync(join(app, '.env'), DOTENV);
      // The backup copy cannot be made: the vault write fails after its checks.
      mkdirSync(`${vaultPath(home)}.bak.tmp`);
      const before = readVaultBytes(home);
      const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: app });
      expect(r.code).not.toBe(0);
      expect(readVaultBytes(home).equals(before)).toBe(true);
      if (existed) expect(readFileSync(join(app, '.lsec.json'), 'utf8')).toBe(PROJECT);
      else expect(() => readFileSync(join(app, '.lsec.json'))).toThrow(/ENOENT/);
    });
  }
});
