// Every single-byte change to a small vault file, run through the real unlock and
// reveal code (security.md §7): the outcome must be a typed refusal or, when the
// change is semantically neutral (JSON whitespace), the very same values. Never a
// wrong value, never a stray TypeError/RangeError.
//
// Speed: each unlock derives a key with PBKDF2 (600k iterations, ~0.15 s). deriveKey
// is a pure function, so it is memoized here (same passphrase, salt and iterations →
// the same key, computed for real once). Changes to the salt or iterations miss the
// cache and really derive. The vault code itself runs unmodified.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DamagedError, LockedError } from '../../src/lib/errors.js';
import * as crypto from '../../src/store/crypto.js';
import { Vault } from '../../src/store/vault.js';
import type { SecretMeta } from '../../src/store/vault-format.js';
import { PASSPHRASE, tempHome, valueSpans } from '../helpers/cli.js';

const SECRETS: [string, string][] = [
  ['api-token', 'tok-SENTINEL-3f9a'],
  ['db.pass', 'päss\nword-SENTINEL-77'],
];

const realDerive = crypto.deriveKey;
const derived = new Map<string, Buffer>();
let realDerivations = 0;

let home: string;
let original: Buffer;
let originalMeta: SecretMeta[];
/** Byte ranges whose change alters the key-encryption key's inputs or the key slot. */
let keySlotInputs: [number, number][];

beforeAll(async () => {
  vi.spyOn(crypto, 'deriveKey').mockImplementation(async (pw, salt, iterations) => {
    const key = `${pw.toString('hex')}/${salt.toString('hex')}/${iterations}`;
    let dk = derived.get(key);
    if (!dk) {
      realDerivations++;
      dk = Buffer.from(await realDerive(pw, salt, iterations));
      derived.set(key, dk);
    }
    return Buffer.from(dk); // unlock zeroes what it gets
  });
  home = tempHome();
  const vault = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
  await vault.write(SECRETS, 'add');
  vault.lock();
  original = readFileSync(join(home, 'vault.json'));
  originalMeta = (await Vault.unlock(home, PASSPHRASE)).list();
  keySlotInputs = valueSpans(original.toString('latin1'), ['vaultId', 'kdf', 'keySlot']);
});

type Outcome = 'same' | 'damaged' | 'locked';

/** Writes `bytes` as the vault and reports what unlock + reveal of every secret did. */
async function outcomeOf(bytes: Buffer): Promise<Outcome> {
  writeFileSync(join(home, 'vault.json'), bytes);
  let vault: Vault;
  try {
    vault = await Vault.unlock(home, PASSPHRASE);
  } catch (error) {
    return classify(error);
  }
  try {
    // Unlocked: the file must say exactly what it said before, values included.
    expect(vault.list()).toEqual(originalMeta);
    for (const [name, value] of SECRETS) expect(vault.reveal(name)).toBe(value);
    return 'same';
  } catch (error) {
    if (error instanceof DamagedError) return 'damaged';
    throw error;
  } finally {
    vault.lock();
  }
}

function classify(error: unknown): Outcome {
  // Anything but our two typed errors (a TypeError from a missing field, a RangeError
  // from a bad length) is a bug the user would see as "internal error".
  if (!(error instanceof DamagedError) && !(error instanceof LockedError)) throw error;
  const shown = `${error.message}\n${error.hint ?? ''}`;
  for (const [, value] of SECRETS) expect(shown).not.toContain(value.slice(0, 8));
  expect(shown).not.toContain(PASSPHRASE);
  return error instanceof DamagedError ? 'damaged' : 'locked';
}

/** Another printable character, chosen to stay valid where possible (base64 stays base64). */
function replacement(byte: number): number {
  const c = String.fromCharCode(byte);
  if (/[0-8]/.test(c)) return byte + 1;
  if (c === '9') return 0x30;
  if (/[a-yA-Y]/.test(c)) return byte + 1;
  if (c === 'z' || c === 'Z') return byte - 25;
  if (c === '\t' || c === '\n') return 0x20; // whitespace stays whitespace
  if (c === ' ') return 0x09;
  if (c === '+') return 0x2f;
  return 0x41; // 'A' for punctuation: '/', '=', quotes, braces, ':' ...
}

const inKeySlotInputs = (pos: number) => keySlotInputs.some(([a, b]) => pos >= a && pos < b);

async function sweep(name: string, mutate: (bytes: Buffer, pos: number) => void) {
  const tally: Record<Outcome, number> = { same: 0, damaged: 0, locked: 0 };
  const lockedOutside: number[] = [];
  for (let pos = 0; pos < original.length; pos++) {
    const bytes = Buffer.from(original);
    mutate(bytes, pos);
    if (bytes.equals(original)) continue;
    const outcome = await outcomeOf(bytes);
    tally[outcome]++;
    if (outcome === 'locked' && !inKeySlotInputs(pos)) lockedOutside.push(pos);
  }
  // "Wrong passphrase" is the only possible answer when the salt, iterations, vault id
  // or key slot change: the key slot's tag is the passphrase check (security.md §1),
  // so it cannot tell a wrong passphrase from an edited header. Anywhere else it
  // would be a misleading message, so it must not happen.
  expect(lockedOutside, `${name}: "wrong passphrase" outside the key-slot inputs`).toEqual([]);
  return tally;
}

describe('one-byte changes at every position of the file', () => {
  it('replacing each byte with another printable character', async () => {
    const tally = await sweep('replace', (b, pos) => {
      b[pos] = replacement(b[pos]!);
    });
    // Whitespace edits are neutral; everything else is refused.
    expect(tally.same).toBeGreaterThan(10);
    expect(tally.damaged).toBeGreaterThan(original.length / 2);
  });

  it('flipping the lowest and the highest bit of each byte', async () => {
    for (const bit of [0x01, 0x80]) {
      const tally = await sweep(`bit ${bit}`, (b, pos) => {
        b[pos]! ^= bit;
      });
      expect(tally.damaged).toBeGreaterThan(original.length / 2);
    }
  });

  it('truncating the file at every length, appending a byte, and emptying it', async () => {
    for (let len = 0; len < original.length; len++) {
      expect(await outcomeOf(original.subarray(0, len))).toBe('damaged');
    }
    expect(await outcomeOf(Buffer.concat([original, Buffer.from('x')]))).toBe('damaged');
    // Trailing whitespace is still the same JSON document.
    expect(await outcomeOf(Buffer.concat([original, Buffer.from('\n')]))).toBe('same');
  });

  it('really derived only for changed salts or iteration counts', () => {
    // Proves the memo did not hide a derivation path: one real derivation for the
    // true header, the rest for edited salts/iteration counts (tens, not thousands).
    expect(realDerivations).toBeGreaterThan(5);
    expect(realDerivations).toBeLessThan(200);
  });

  it('the untouched file still unlocks to the original values', async () => {
    expect(await outcomeOf(original)).toBe('same');
  });
});
