// The format is pinned: vault files written by an earlier release (test/fixtures/vaults,
// never regenerated) must open in every later build and give back the exact bytes of
// every value. A user's vault outlives the version of lsec that wrote it.
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValue, passFile, REPO, runCli, tempHome, vaultPath } from '../helpers/cli.js';

const DIR = join(REPO, 'test/fixtures/vaults');

interface Pinned {
  file: string;
  iterations: number;
  passphrase: string;
  secrets: Record<string, string>;
}

const PINNED = (JSON.parse(readFileSync(join(DIR, 'vaults.json'), 'utf8')) as { vaults: Pinned[] })
  .vaults;

/** A private copy of a pinned file as the vault of a fresh LSEC_HOME. */
function pinnedHome(p: Pinned): { home: string; pass: string } {
  const home = tempHome();
  copyFileSync(join(DIR, p.file), vaultPath(home));
  chmodSync(vaultPath(home), 0o600);
  return { home, pass: passFile(p.passphrase) };
}

describe('pinned vault files of earlier formats', () => {
  it('the fixtures cover both iteration counts and the awkward values', () => {
    expect(PINNED.map((p) => p.iterations).sort((a, b) => a - b)).toEqual([600_000, 1_000_000]);
    for (const p of PINNED) {
      const doc = JSON.parse(readFileSync(join(DIR, p.file), 'utf8'));
      expect(doc.v).toBe(1);
      expect(doc.kdf.iterations).toBe(p.iterations);
      const values = Object.values(p.secrets);
      expect(values).toContain('');
      expect(values.some((v) => v.includes('\r\n'))).toBe(true);
      expect(values.some((v) => /[^\x00-\x7f]/.test(v))).toBe(true);
    }
  });

  for (const p of PINNED) {
    it(`${p.file}: lists every name and reads every value exactly`, async () => {
      const { home, pass } = pinnedHome(p);
      const before = readFileSync(vaultPath(home));
      const list = await runCli(['list', '--json'], { home });
      expect(list.code, list.stderr).toBe(0);
      const names = (JSON.parse(list.stdout) as { secrets: { name: string }[] }).secrets.map(
        (s) => s.name,
      );
      expect(names).toEqual(Object.keys(p.secrets).sort());
      for (const [name, value] of Object.entries(p.secrets)) {
        const r = await getValue(home, pass, name);
        expect(r.code, r.stderr).toBe(0);
        expect(r.value).toBe(value);
      }
      // Reading never rewrites the file.
      expect(readFileSync(vaultPath(home)).equals(before)).toBe(true);
    });

    it(`${p.file}: the next write migrates it to v2, keeps the v1 file as .bak, loses nothing`, async () => {
      const { home, pass } = pinnedHome(p);
      const original = readFileSync(join(DIR, p.file));
      const r = await runCli(['add', 'after-migration', '--passphrase-file', pass], {
        home,
        input: 'added by a later build',
      });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(readFileSync(vaultPath(home), 'utf8'));
      expect(doc.v).toBe(2);
      expect(doc.trash).toEqual([]);
      expect(doc.kdf.iterations).toBe(p.iterations);
      expect(readFileSync(`${vaultPath(home)}.bak`).equals(original)).toBe(true);
      const expected = { ...p.secrets, 'after-migration': 'added by a later build' };
      for (const [name, value] of Object.entries(expected)) {
        expect((await getValue(home, pass, name)).value).toBe(value);
      }
      // The kept v1 file still opens on its own.
      const bakHome = tempHome();
      copyFileSync(`${vaultPath(home)}.bak`, vaultPath(bakHome));
      chmodSync(vaultPath(bakHome), 0o600);
      expect((await getValue(bakHome, pass, 'multi.line')).value).toBe(p.secrets['multi.line']);
    });

    it(`${p.file}: a wrong passphrase is refused (exit 3)`, async () => {
      const { home } = pinnedHome(p);
      const r = await getValue(home, passFile(`${p.passphrase}x`), 'api-key');
      expect(r.code).toBe(3);
    });
  }
});
