// An edited KDF header must be refused before any key derivation (security.md §1,
// §3 #13): too few iterations would be a downgrade, too many a hang, an unknown alg
// a guess. deriveKey is replaced by a function that throws, so a refusal that came
// after a derivation attempt would surface as that error instead of DamagedError.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DamagedError } from '../../src/lib/errors.js';
import * as crypto from '../../src/store/crypto.js';
import { Vault } from '../../src/store/vault.js';
import type { VaultDoc } from '../../src/store/vault-format.js';
import { listSecrets } from '../../src/store/vault-names.js';
import { PASSPHRASE, readDoc, tempHome, vaultPath, writeDoc } from '../helpers/cli.js';

let home: string;
let good: VaultDoc;

beforeAll(async () => {
  home = tempHome();
  const vault = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
  await vault.write([['k', 'v-SENTINEL']], 'add');
  vault.lock();
  good = readDoc(home);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function forbidDerivation() {
  return vi.spyOn(crypto, 'deriveKey').mockImplementation(() => {
    throw new Error('deriveKey must not run for this header');
  });
}

const edits: [string, (kdf: Record<string, unknown>) => void][] = [
  ['iterations 599,999 (below the floor)', (k) => (k.iterations = 599_999)],
  ['iterations 10,000,001 (above the cap)', (k) => (k.iterations = 10_000_001)],
  ['iterations "1000000" as a string', (k) => (k.iterations = '1000000')],
  ['iterations 1000000.5 (not an integer)', (k) => (k.iterations = 1_000_000.5)],
  ['iterations -1000000', (k) => (k.iterations = -1_000_000)],
  ['iterations 1e400 (Infinity after parsing)', (k) => (k.iterations = 'INF')],
  ['iterations missing', (k) => delete k.iterations],
  ['alg "scrypt"', (k) => (k.alg = 'scrypt')],
  ['alg "PBKDF2-SHA256" (case differs)', (k) => (k.alg = 'PBKDF2-SHA256')],
  ['salt of 8 bytes', (k) => (k.salt = Buffer.alloc(8, 1).toString('base64'))],
  ['unknown passphrase encoding', (k) => (k.passphrase = 'latin1')],
];

describe('KDF header edits are refused before deriving', () => {
  for (const [what, edit] of edits) {
    it(what, async () => {
      const doc = structuredClone(good) as unknown as { kdf: Record<string, unknown> };
      edit(doc.kdf);
      let text = JSON.stringify(doc, null, '\t');
      if (doc.kdf.iterations === 'INF') text = text.replace('"INF"', '1e400');
      writeFileSync(vaultPath(home), text);
      const spy = forbidDerivation();
      const error = await Vault.unlock(home, PASSPHRASE).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedError);
      expect(spy).not.toHaveBeenCalled();
      // `lsec list` needs no passphrase but must refuse the same file.
      expect(() => listSecrets(home)).toThrow(DamagedError);
    });
  }

  it('the untouched header does derive (the spy would have seen a derivation)', async () => {
    writeDoc(home, good);
    const spy = forbidDerivation();
    await expect(Vault.unlock(home, PASSPHRASE)).rejects.toThrow('must not run');
    expect(spy).toHaveBeenCalledOnce();
  });

  it('a valid but different iteration count fails the key-slot tag', async () => {
    // 600,001 passes the range check, so it derives; the iteration count is also in
    // the key slot's AAD, so it cannot be changed without the passphrase.
    writeDoc(home, { ...good, kdf: { ...good.kdf, iterations: 600_001 } });
    await expect(Vault.unlock(home, PASSPHRASE)).rejects.toMatchObject({ exitCode: 3 });
  });

  it('Vault.create refuses out-of-range iterations before deriving', async () => {
    const spy = forbidDerivation();
    for (const iterations of [599_999, 10_000_001, 1.5e6 + 0.5, Number.NaN]) {
      await expect(Vault.create(tempHome(), PASSPHRASE, { iterations })).rejects.toMatchObject({
        exitCode: 2,
      });
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('the early derivation from the file head', () => {
  it('is used only when it matches the parsed header', async () => {
    writeDoc(home, good);
    const text = JSON.stringify(good, null, '\t');
    // A second, different "kdf" key early in the file: JSON.parse keeps the last one,
    // so the head's parameters differ from the real ones and must be re-derived.
    const decoy = `"kdf": { "alg": "pbkdf2-sha256", "iterations": 600001, "salt": "${Buffer.alloc(16, 7).toString('base64')}", "passphrase": "nfc-utf8" },`;
    writeFileSync(vaultPath(home), text.replace(/("generation": \d+,)/, `$1\n\t${decoy}`));
    const spy = vi.spyOn(crypto, 'deriveKey');
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(vault.reveal('k')).toBe('v-SENTINEL');
    // Once from the decoy head, then again from the parsed header.
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[1]![2]).toBe(good.kdf.iterations);
    vault.lock();
    writeDoc(home, good);
  });

  it('starts from the head of a file as lsec writes it, and only once', async () => {
    writeDoc(home, good);
    const spy = vi.spyOn(crypto, 'deriveKey');
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(spy).toHaveBeenCalledTimes(1);
    vault.lock();
  });
});
