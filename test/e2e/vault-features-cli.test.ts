// Trash, history, rename and generate through the real binary (issue 12, features
// 2, 3, 4, 7): what a gopass or 1Password user expects, and that the vault's
// integrity rules hold for the new parts (a trashed or earlier value cannot pass for a
// live one even when the MAC is forged).
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectOneError,
  getValue,
  initVault,
  macKeyOf,
  PASSPHRASE,
  readDoc,
  remac,
  runCli,
  tempDir,
  tempHome,
  vaultPath,
  writeDoc,
} from '../helpers/cli.js';

const lsec = (home: string, pass: string, args: string[], input?: string) =>
  runCli([...args, '--passphrase-file', pass], { home, input });

describe('trash: rm, lsec trash, restore, rm --purge', () => {
  it('a deleted secret is listed with its date, comes back exactly, and --purge removes it for good', async () => {
    const { home, pass } = await initVault({ secrets: { keep: 'k', gone: 'line 1\nline 2 ✓' } });
    const rm = await lsec(home, pass, ['rm', 'gone', '--yes']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(rm.stderr).toContain('lsec restore gone');
    // Gone from the live list; `get` points at restore.
    const got = await lsec(home, pass, ['get', 'gone']);
    expect(got.code).toBe(2);
    expectOneError(got.stderr, /lsec restore gone/);
    // The trash lists it without a passphrase, and never holds the value.
    const trash = await runCli(['trash', '--json'], { home });
    expect(trash.code, trash.stderr).toBe(0);
    const listed = JSON.parse(trash.stdout);
    expect(listed.schema).toBe(1);
    expect(listed.trash.map((t: { name: string }) => t.name)).toEqual(['gone']);
    const { deletedAt, purgeAt } = listed.trash[0];
    expect(Date.parse(purgeAt) - Date.parse(deletedAt)).toBe(30 * 24 * 3600 * 1000);
    expect(readFileSync(vaultPath(home), 'utf8')).not.toContain('line 1');

    const restore = await lsec(home, pass, ['restore', 'gone']);
    expect(restore.code, restore.stderr).toBe(0);
    expect((await getValue(home, pass, 'gone')).value).toBe('line 1\nline 2 ✓');
    expect(JSON.parse((await runCli(['trash', '--json'], { home })).stdout).trash).toEqual([]);

    expect((await lsec(home, pass, ['rm', 'gone', '--purge', '--yes'])).code).toBe(0);
    expect(JSON.parse((await runCli(['trash', '--json'], { home })).stdout).trash).toEqual([]);
    const again = await lsec(home, pass, ['restore', 'gone']);
    expect(again.code).toBe(2);
    expectOneError(again.stderr, /lsec trash/);
  });

  it('restore refuses while a live secret has the name, and says how to fix it', async () => {
    const { home, pass } = await initVault({ secrets: { dup: 'old value' } });
    await lsec(home, pass, ['rm', 'dup', '--yes']);
    await lsec(home, pass, ['add', 'dup'], 'new value');
    const before = readFileSync(vaultPath(home));
    const r = await lsec(home, pass, ['restore', 'dup']);
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /lsec mv dup NEW-NAME/);
    expect(readFileSync(vaultPath(home)).equals(before)).toBe(true);
  });

  it('entries deleted more than 30 days ago are purged on the next write', async () => {
    const { home, pass } = await initVault({ secrets: { old: 'o', recent: 'r' } });
    await lsec(home, pass, ['rm', 'old', '--yes']);
    await lsec(home, pass, ['rm', 'recent', '--yes']);
    // Age one entry as a forger holding the key would (the MAC must still verify).
    const doc = readDoc(home);
    doc.trash![0]!.deletedAt = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    writeDoc(home, remac(doc, await macKeyOf(doc, PASSPHRASE)));
    chmodSync(vaultPath(home), 0o600);
    expect((await lsec(home, pass, ['add', 'x'], 'x')).code).toBe(0);
    const names = JSON.parse((await runCli(['trash', '--json'], { home })).stdout).trash.map(
      (t: { name: string }) => t.name,
    );
    expect(names).toEqual(['recent']);
  });

  it('a trashed ciphertext moved into the live secrets does not decrypt, even with a forged MAC', async () => {
    const { home, pass } = await initVault({ secrets: { a: 'SENTINEL-trashed' } });
    await lsec(home, pass, ['rm', 'a', '--yes']);
    const doc = readDoc(home);
    const t = doc.trash![0]!;
    doc.secrets.a = {
      iv: t.iv,
      ct: t.ct,
      tag: t.tag,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
    doc.trash = [];
    writeDoc(home, remac(doc, await macKeyOf(doc, PASSPHRASE)));
    chmodSync(vaultPath(home), 0o600);
    const r = await lsec(home, pass, ['get', 'a']);
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).not.toContain('SENTINEL');
  });

  it('a trash entry removed from the file is caught by the MAC (exit 4)', async () => {
    const { home, pass } = await initVault({ secrets: { a: 'x', b: 'y' } });
    await lsec(home, pass, ['rm', 'a', '--yes']);
    const doc = readDoc(home);
    doc.trash = [];
    writeDoc(home, doc);
    chmodSync(vaultPath(home), 0o600);
    expect((await lsec(home, pass, ['get', 'b'])).code).toBe(4);
  });
});

describe('history', () => {
  it('keeps the last 5 earlier values, lists dates only, restores one and keeps the current', async () => {
    const { home, pass } = await initVault({ secrets: { pw: 'v1' } });
    for (const v of ['v2', 'v3', 'v4', 'v5', 'v6', 'v7']) {
      expect((await lsec(home, pass, ['set', 'pw'], v)).code).toBe(0);
    }
    const list = await runCli(['history', 'pw', '--json'], { home });
    expect(list.code, list.stderr).toBe(0);
    const history = JSON.parse(list.stdout).history;
    expect(history.map((h: { n: number }) => h.n)).toEqual([1, 2, 3, 4, 5]);
    expect(list.stdout).not.toMatch(/v[1-7]"/);
    const table = await runCli(['history', 'pw'], { home });
    expect(table.stdout).toMatch(/^N\s+SET\s+REPLACED\n1\s/);

    // 1 = v6 (newest earlier value), 5 = v2; v1 has dropped off.
    expect((await lsec(home, pass, ['history', 'pw', '--restore', '5'])).code).toBe(0);
    expect((await getValue(home, pass, 'pw')).value).toBe('v2');
    expect((await lsec(home, pass, ['history', 'pw', '--restore', '1'])).code).toBe(0);
    expect((await getValue(home, pass, 'pw')).value).toBe('v7');

    const bad = await lsec(home, pass, ['history', 'pw', '--restore', '9']);
    expect(bad.code).toBe(2);
    expectOneError(bad.stderr, /lsec history pw/);
  });

  it('setting the same value again adds no history entry', async () => {
    const { home, pass } = await initVault({ secrets: { same: 'x' } });
    await lsec(home, pass, ['set', 'same'], 'x');
    expect(
      JSON.parse((await runCli(['history', 'same', '--json'], { home })).stdout).history,
    ).toEqual([]);
  });

  it('an earlier value moved into the live value does not decrypt, even with a forged MAC', async () => {
    const { home, pass } = await initVault({ secrets: { h: 'SENTINEL-old' } });
    await lsec(home, pass, ['set', 'h'], 'new');
    const doc = readDoc(home);
    const old = doc.secrets.h!.history![0]!;
    doc.secrets.h = { ...doc.secrets.h!, iv: old.iv, ct: old.ct, tag: old.tag };
    writeDoc(home, remac(doc, await macKeyOf(doc, PASSPHRASE)));
    chmodSync(vaultPath(home), 0o600);
    const r = await lsec(home, pass, ['get', 'h']);
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).not.toContain('SENTINEL');
  });
});

describe('lsec mv', () => {
  it('renames the value and its history, and every mapping in every profile follows', async () => {
    const { home, pass } = await initVault({ secrets: { 'old-name': 'first' } });
    await lsec(home, pass, ['set', 'old-name'], 'second');
    const dir = tempDir('lsec-mv-');
    mkdirSync(dir, { recursive: true });
    for (const [m, profile] of [
      ['A=old-name', 'default'],
      ['B=old-name', 'prod'],
      ['C=other', 'prod'],
    ] as const) {
      const r = await runCli(['map', m, '--profile', profile, '--dir', dir], { home });
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await lsec(home, pass, ['mv', 'old-name', 'new.name', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 mappings');
    const project = JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8'));
    expect(project.profiles.default.secrets).toEqual({ A: 'new.name' });
    expect(project.profiles.prod.secrets).toEqual({ B: 'new.name', C: 'other' });
    expect((await getValue(home, pass, 'new.name')).value).toBe('second');
    expect((await getValue(home, pass, 'old-name')).code).toBe(2);
    expect((await lsec(home, pass, ['history', 'new.name', '--restore', '1'])).code).toBe(0);
    expect((await getValue(home, pass, 'new.name')).value).toBe('first');
  });

  it('refuses an existing NEW or a bad name, changing nothing', async () => {
    const { home, pass } = await initVault({ secrets: { a: '1', b: '2' } });
    const before = readFileSync(vaultPath(home));
    const taken = await lsec(home, pass, ['mv', 'a', 'b']);
    expect(taken.code).toBe(2);
    expectOneError(taken.stderr, /lsec rm b/);
    const bad = await lsec(home, pass, ['mv', 'a', '-x']);
    expect(bad.code).toBe(2);
    expect(readFileSync(vaultPath(home)).equals(before)).toBe(true);
  });
});

describe('lsec gen', () => {
  it('stores a value of the asked shape and prints nothing of it', async () => {
    const { home, pass } = await initVault();
    const cases: [string[], RegExp][] = [
      [[], /^[A-Za-z0-9]{32}$/],
      [['--length', '64', '--charset', 'hex'], /^[0-9a-f]{64}$/],
      [['--length', '12', '--charset', 'digits'], /^[0-9]{12}$/],
      [['--length', '50', '--charset', 'symbols'], /^[!-~]{50}$/],
      [['--words', '6'], /^[a-z]+(-[a-z]+){5}$/],
    ];
    for (const [i, [flags, shape]] of cases.entries()) {
      const r = await lsec(home, pass, ['gen', `g${i}`, ...flags]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      const { value } = await getValue(home, pass, `g${i}`);
      expect(value).toMatch(shape);
      expect(r.stderr).not.toContain(value);
    }
  });

  it('refuses to overwrite without --replace; with it the old value goes to history', async () => {
    const { home, pass } = await initVault({ secrets: { tok: 'before' } });
    const refused = await lsec(home, pass, ['gen', 'tok']);
    expect(refused.code).toBe(2);
    expectOneError(refused.stderr, /--replace/);
    expect((await lsec(home, pass, ['gen', 'tok', '--replace'])).code).toBe(0);
    expect((await getValue(home, pass, 'tok')).value).not.toBe('before');
    expect((await lsec(home, pass, ['history', 'tok', '--restore', '1'])).code).toBe(0);
    expect((await getValue(home, pass, 'tok')).value).toBe('before');
  });

  it('bad options are usage errors naming the fix', async () => {
    const home = tempHome();
    for (const [flags, fix] of [
      [['--charset', 'emoji'], /alnum/],
      [['--length', '0'], /--length/],
      [['--words', '3', '--length', '9'], /--words/],
    ] as const) {
      const r = await runCli(['gen', 'x', ...flags], { home });
      expect(r.code).toBe(2);
      expectOneError(r.stderr, fix);
    }
  });
});
