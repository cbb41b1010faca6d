// `lsec passwd` re-keys: a new data key under a new passphrase and a new salt, every
// value sealed again. A user changes a passphrase because the old one may have leaked,
// so the old one must stop opening anything lsec keeps (even with an old copy of the
// file), values must survive exactly, and a refused change must leave the file as it was.
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  expectOneError,
  getValue,
  initVault,
  macKeyOf,
  passFile,
  readDoc,
  readVaultBytes,
  remac,
  runCli,
  tempHome,
  vaultPath,
  writeDoc,
} from '../helpers/cli.js';

const VALUES = { 'api-key': 'k-SENTINEL-1', 'multi.line': 'a\nb\r\nc' };

describe('lsec passwd', () => {
  it('old passphrase stops working, new one works, values unchanged, every ciphertext new', async () => {
    const { home, pass: oldPass } = await initVault({
      passphrase: 'old passphrase 1',
      secrets: VALUES,
    });
    const before = readDoc(home);
    const newPass = passFile('new passphrase 2');

    const r = await runCli(
      ['passwd', '--passphrase-file', oldPass, '--new-passphrase-file', newPass],
      {
        home,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');

    const after = readDoc(home);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.keySlot.ct).not.toBe(before.keySlot.ct);
    expect(after.keySlot.iv).not.toBe(before.keySlot.iv);
    expect(after.vaultId).toBe(before.vaultId);
    expect(after.generation).toBe(before.generation + 1);
    // Re-keying seals every value again; the dates say when the value changed, so stay.
    expect(Object.keys(after.secrets)).toEqual(Object.keys(before.secrets));
    for (const [name, e] of Object.entries(after.secrets)) {
      expect(e.ct).not.toBe(before.secrets[name]!.ct);
      expect(e.iv).not.toBe(before.secrets[name]!.iv);
      expect(e.updatedAt).toBe(before.secrets[name]!.updatedAt);
    }
    // A change raises the work factor to the current default, never lowers it.
    expect(after.kdf.iterations).toBe(1_000_000);

    const old = await runCli(['get', 'api-key', '--passphrase-file', oldPass], { home });
    expect(old.code).toBe(3);
    expectOneError(old.stderr, /try again/);
    for (const [name, value] of Object.entries(VALUES)) {
      expect((await getValue(home, newPass, name)).value).toBe(value);
    }
  });

  it('the old passphrase does not open vault.json.bak either', async () => {
    // lsec's own error messages say "restore vault.json.bak": restoring it must not
    // bring the old passphrase back.
    const { home, pass: oldPass } = await initVault({ secrets: { k: 'v' } });
    const newPass = passFile('another passphrase');
    const r = await runCli(
      ['passwd', '--passphrase-file', oldPass, '--new-passphrase-file', newPass],
      {
        home,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const restored = tempHome();
    copyFileSync(`${vaultPath(home)}.bak`, vaultPath(restored));
    expect((await getValue(restored, oldPass, 'k')).code).toBe(3);
    expect((await getValue(restored, newPass, 'k')).value).toBe('v');
  });

  it('an old copy of vault.json + the old passphrase cannot open a secret added after the change', async () => {
    // The attacker kept vault.json and learned the old passphrase, so holds the old data
    // key. After passwd the user adds a secret; the attacker copies its entry from the
    // new file into the old one, with a MAC made from the old key. Re-keyed, its tag
    // fails (exit 4); with a re-wrap only, lsec would print the new secret.
    const { home, pass: oldPass } = await initVault({
      passphrase: 'old passphrase 1',
      secrets: { k: 'v' },
    });
    const oldCopy = readDoc(home);
    const newPass = passFile('new passphrase 2');
    const r = await runCli(
      ['passwd', '--passphrase-file', oldPass, '--new-passphrase-file', newPass],
      { home },
    );
    expect(r.code, r.stderr).toBe(0);
    const add = await runCli(['add', 'added-later', '--passphrase-file', newPass], {
      home,
      input: 'NEW-SENTINEL-after-passwd',
    });
    expect(add.code, add.stderr).toBe(0);
    const stolen = readDoc(home).secrets['added-later']!;

    const forged = tempHome();
    const doc = { ...oldCopy, secrets: { ...oldCopy.secrets, 'added-later': stolen } };
    writeDoc(forged, remac(doc, await macKeyOf(oldCopy, 'old passphrase 1')));
    chmodSync(vaultPath(forged), 0o600);
    // The forged file opens with the old passphrase (the MAC verifies) ...
    expect((await getValue(forged, oldPass, 'k')).value).toBe('v');
    // ... but the secret added after the change does not decrypt under the old key.
    const got = await runCli(['get', 'added-later', '--passphrase-file', oldPass], {
      home: forged,
    });
    expect(got.code).toBe(4);
    expect(got.stdout).toBe('');
    expect(got.stderr).not.toContain('NEW-SENTINEL');
    expect((await getValue(home, newPass, 'added-later')).value).toBe('NEW-SENTINEL-after-passwd');
  });

  it('LSEC_PASSPHRASE may give the old passphrase', async () => {
    const { home } = await initVault({ passphrase: 'env passphrase 1', secrets: { k: 'v' } });
    const newPass = passFile('file passphrase 2');
    const r = await runCli(['passwd', '--new-passphrase-file', newPass], {
      home,
      env: { LSEC_PASSPHRASE: 'env passphrase 1' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect((await getValue(home, newPass, 'k')).value).toBe('v');
  });

  describe('refusals leave the file byte-for-byte unchanged', async () => {
    const { home, pass } = await initVault({ secrets: VALUES });
    const cases: [string, string[], number, RegExp][] = [
      ['a short new passphrase', ['--new-passphrase-file', passFile('short')], 2, /at least 8/],
      ['an empty new passphrase', ['--new-passphrase-file', passFile('')], 2, /first line/],
      [
        'a wrong old passphrase',
        ['--new-passphrase-file', passFile('good new passphrase')],
        3,
        /try again/,
      ],
      ['no new passphrase and no terminal', [], 3, /--new-passphrase-file/],
    ];
    for (const [what, extra, code, fix] of cases) {
      it(what, async () => {
        const before = readVaultBytes(home);
        const bak = readFileSync(`${vaultPath(home)}.bak`);
        const current = what.startsWith('a wrong') ? passFile('not it at all') : pass;
        const r = await runCli(['passwd', '--passphrase-file', current, ...extra], { home });
        expect(r.code, r.stderr).toBe(code);
        expectOneError(r.stderr, fix);
        expect(readVaultBytes(home).equals(before)).toBe(true);
        expect(readFileSync(`${vaultPath(home)}.bak`).equals(bak)).toBe(true);
      });
    }
    it('and the old passphrase still works after them', async () => {
      expect((await getValue(home, pass, 'api-key')).value).toBe(VALUES['api-key']);
    });
  });
});
