// File modes (DESIGN §4, security.md §3 #6): the vault is 0600 and its folder 0700
// whatever umask the user's shell has; conf alone would give 0644/0755 under umask
// 022 and 0666/0777 under 000. The umask is set by a shell wrapper in the harness
// only; lsec itself runs unchanged.
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValue, passFile, runCli, tempDir, tempHome, vaultPath } from '../helpers/cli.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const octal = (m: number) => m.toString(8).padStart(4, '0');

describe.each(['000', '022'])('under umask %s', (umask) => {
  it('init and add create a 0700 folder, a 0600 vault and a 0600 backup', async () => {
    // A home that does not exist yet, two levels deep, so lsec creates the folders.
    const home = join(tempDir(), 'config', 'lsec');
    const pass = passFile('correct horse battery');
    const init = await runCli(['init', '--passphrase-file', pass], { home, umask });
    expect(init.code, init.stderr).toBe(0);
    expect(octal(mode(home))).toBe('0700');
    expect(octal(mode(vaultPath(home)))).toBe('0600');

    const add = await runCli(['add', 'k', '--passphrase-file', pass], { home, umask, input: 'v' });
    expect(add.code, add.stderr).toBe(0);
    expect(octal(mode(vaultPath(home)))).toBe('0600');
    expect(octal(mode(`${vaultPath(home)}.bak`))).toBe('0600');
    expect(octal(mode(home))).toBe('0700');
    // No warning about loose modes: lsec made them itself.
    expect(add.stderr).not.toMatch(/warning/);
  });
});

describe('loose modes made by something else', () => {
  it('a read warns (and still works); the next write tightens folder and file', async () => {
    const home = tempHome();
    const pass = passFile('correct horse battery');
    expect((await runCli(['init', '--passphrase-file', pass], { home })).code).toBe(0);
    chmodSync(home, 0o755);
    chmodSync(vaultPath(home), 0o644);

    const get = await runCli(['list'], { home });
    expect(get.code).toBe(0);
    expect(get.stderr).toMatch(/^lsec: warning: .*chmod 600/m);

    const set = await runCli(['set', 'k', '--passphrase-file', pass], { home, input: 'v' });
    expect(set.code, set.stderr).toBe(0);
    expect(octal(mode(vaultPath(home)))).toBe('0600');
    expect(octal(mode(home))).toBe('0700');
    expect((await getValue(home, pass, 'k')).value).toBe('v');
  });

  it('an existing 0777 folder given as LSEC_HOME is refused, naming the fix; then it works', async () => {
    // Others could plant a lock or a link in it before lsec tightened it (issue 11.4).
    const home = join(tempDir(), 'shared');
    mkdirSync(home, { mode: 0o777 });
    chmodSync(home, 0o777);
    const pass = passFile('correct horse battery');
    const r = await runCli(['init', '--passphrase-file', pass], { home, umask: '000' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing the lsec folder ${home}: it is writable by other users`);
    expect(r.stderr).toContain(`chmod go-w ${home}`);
    chmodSync(home, 0o755);
    const again = await runCli(['init', '--passphrase-file', pass], { home, umask: '000' });
    expect(again.code, again.stderr).toBe(0);
    expect(octal(mode(home))).toBe('0700');
  });
});

describe('no plaintext on disk', () => {
  it('values and the passphrase appear nowhere in the vault or its backup', async () => {
    const home = tempHome();
    const passphrase = 'PASS-SENTINEL-7c1e correct horse';
    const pass = passFile(passphrase);
    const values = ['VALUE-SENTINEL-a9f3', 'ünïcødé-SENTINEL-ß', 'x'.repeat(64)];
    expect((await runCli(['init', '--passphrase-file', pass], { home })).code).toBe(0);
    for (const [i, v] of values.entries()) {
      const r = await runCli(['add', `s${i}`, '--passphrase-file', pass], { home, input: v });
      expect(r.code, r.stderr).toBe(0);
    }
    for (const file of [vaultPath(home), `${vaultPath(home)}.bak`]) {
      const bytes = readFileSync(file);
      const text = bytes.toString('utf8');
      for (const secret of [...values, passphrase]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
        expect(bytes.includes(Buffer.from(secret, 'latin1'))).toBe(false);
      }
      expect(text).not.toMatch(/SENTINEL/);
    }
  });
});
