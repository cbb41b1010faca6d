// Structural tampering that keeps every field well-formed: moving, copying, deleting
// or replaying entries (security.md §2). Each attack is tried twice where it matters:
// as a plain edit (the manifest MAC must catch it) and with the MAC re-computed by
// someone holding the MAC key (the value's AAD must still catch it), so both layers
// are shown to work on their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DamagedError } from '../../src/lib/errors.js';
import { Vault } from '../../src/store/vault.js';
import type { VaultDoc } from '../../src/store/vault-format.js';
import {
  macKeyOf,
  PASSPHRASE,
  readDoc,
  remac,
  tempHome,
  vaultPath,
  writeDoc,
} from '../helpers/cli.js';

let home: string;
let other: string;
let doc: VaultDoc;
let otherDoc: VaultDoc;

async function makeVault(secrets: [string, string][]): Promise<string> {
  const h = tempHome();
  const vault = await Vault.create(h, PASSPHRASE, { iterations: 600_000 });
  await vault.write(secrets, 'add');
  vault.lock();
  return h;
}

// Two vaults with the same passphrase and the same secret names.
const firstSecrets: [string, string][] = [
  ['alpha', 'alpha-SENTINEL'],
  ['beta', 'beta-SENTINEL'],
];
let cached: { home: string; other: string; bytes: Buffer; otherBytes: Buffer } | undefined;

beforeEach(async () => {
  cached ??= await (async () => {
    const h = await makeVault(firstSecrets);
    const o = await makeVault([['alpha', 'other-alpha']]);
    return {
      home: h,
      other: o,
      bytes: readFileSync(vaultPath(h)),
      otherBytes: readFileSync(vaultPath(o)),
    };
  })();
  ({ home, other } = cached);
  writeFileSync(vaultPath(home), cached.bytes);
  writeFileSync(vaultPath(other), cached.otherBytes);
  doc = readDoc(home);
  otherDoc = readDoc(other);
});

const unlockError = (h: string) =>
  Vault.unlock(h, PASSPHRASE).then(
    () => undefined,
    (e) => e,
  );

describe('tampering the manifest MAC catches', () => {
  const cases: [string, () => VaultDoc][] = [
    ['a ciphertext moved to another name', () => swapped(doc)],
    ['an entry deleted', () => ({ ...doc, secrets: { alpha: doc.secrets.alpha! } })],
    [
      'an entry inserted (copied under a new name)',
      () => ({
        ...doc,
        secrets: { ...doc.secrets, gamma: doc.secrets.alpha! },
      }),
    ],
    [
      'an entry copied in from another vault',
      () => ({
        ...doc,
        secrets: { ...doc.secrets, alpha: otherDoc.secrets.alpha! },
      }),
    ],
    ['generation lowered', () => ({ ...doc, generation: doc.generation - 1 })],
    ['generation raised', () => ({ ...doc, generation: doc.generation + 1 })],
    ['the mac pasted from another vault', () => ({ ...doc, mac: otherDoc.mac })],
    [
      'a date changed',
      () => ({
        ...doc,
        secrets: {
          ...doc.secrets,
          beta: { ...doc.secrets.beta!, updatedAt: '2000-01-01T00:00:00.000Z' },
        },
      }),
    ],
  ];
  for (const [what, edit] of cases) {
    it(what, async () => {
      writeDoc(home, edit());
      const error = await unlockError(home);
      expect(error).toBeInstanceOf(DamagedError);
      expect((error as Error).message).not.toMatch(/SENTINEL/);
    });
  }

  it('but not a reordering of JSON keys, which changes nothing', async () => {
    const reordered = {
      mac: doc.mac,
      secrets: { beta: doc.secrets.beta, alpha: doc.secrets.alpha },
    };
    writeDoc(home, { ...reordered, ...doc, secrets: reordered.secrets });
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(vault.reveal('alpha')).toBe('alpha-SENTINEL');
    expect(vault.reveal('beta')).toBe('beta-SENTINEL');
  });
});

function swapped(d: VaultDoc): VaultDoc {
  return { ...d, secrets: { alpha: d.secrets.beta!, beta: d.secrets.alpha! } };
}

describe('with a forged MAC, the AAD still binds each value', () => {
  it('to its name: swapped ciphertexts fail on reveal', async () => {
    writeDoc(home, remac(swapped(doc), await macKeyOf(doc, PASSPHRASE)));
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(() => vault.reveal('alpha')).toThrow(DamagedError);
    expect(() => vault.reveal('beta')).toThrow(DamagedError);
  });

  it('to its vault: an entry from another vault fails on reveal', async () => {
    const spliced = { ...doc, secrets: { ...doc.secrets, alpha: otherDoc.secrets.alpha! } };
    writeDoc(home, remac(spliced, await macKeyOf(doc, PASSPHRASE)));
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(() => vault.reveal('alpha')).toThrow(DamagedError);
    expect(vault.reveal('beta')).toBe('beta-SENTINEL');
  });
});

describe('a write re-checks the file under the lock', () => {
  it('refuses when the file was tampered after unlock, and leaves it as it was', async () => {
    const vault = await Vault.unlock(home, PASSPHRASE);
    writeDoc(home, { ...doc, generation: doc.generation + 5 });
    const before = readFileSync(vaultPath(home));
    await expect(vault.write([['gamma', 'x']], 'add')).rejects.toBeInstanceOf(DamagedError);
    expect(readFileSync(vaultPath(home)).equals(before)).toBe(true);
  });

  it('refuses when another vault was put in its place while open', async () => {
    const vault = await Vault.unlock(home, PASSPHRASE);
    writeFileSync(vaultPath(home), readFileSync(vaultPath(other)));
    await expect(vault.write([['gamma', 'x']], 'add')).rejects.toBeInstanceOf(DamagedError);
  });

  it('refuses when an older copy was put back while open', async () => {
    const old = readFileSync(vaultPath(home));
    const vault = await Vault.unlock(home, PASSPHRASE);
    await vault.write([['gamma', 'x']], 'add');
    writeFileSync(vaultPath(home), old);
    await expect(vault.write([['delta', 'y']], 'add')).rejects.toBeInstanceOf(DamagedError);
    expect(readFileSync(vaultPath(home)).equals(old)).toBe(true);
  });
});
