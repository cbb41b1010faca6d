// The Vault API the TUI and the commands build on, in-process: what each write mode
// accepts and refuses, that refusals write nothing, and that a locked handle is dead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DamagedError, LockedError, UsageError } from '../../src/lib/errors.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, readDoc, tempHome } from '../helpers/cli.js';

let home: string;
const file = () => readFileSync(join(home, 'vault.json'));

beforeAll(async () => {
  home = tempHome();
  const v = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
  await v.write(
    [
      ['a', 'one'],
      ['b', '\ufeffBOM kept'],
    ],
    'add',
  );
  v.lock();
});

describe('Vault', () => {
  it('create refuses to overwrite an existing vault', async () => {
    const before = file();
    await expect(Vault.create(home, PASSPHRASE, { iterations: 600_000 })).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(file().equals(before)).toBe(true);
  });

  it('a wrong passphrase is LockedError; NFD of the right one unlocks', async () => {
    await expect(Vault.unlock(home, 'wrong passphrase')).rejects.toBeInstanceOf(LockedError);
    const nfd = await Vault.unlock(home, PASSPHRASE.normalize('NFD'));
    expect(nfd.reveal('a')).toBe('one');
  });

  it('reveal returns values exactly, a leading BOM included', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    expect(v.reveal('b')).toBe('\ufeffBOM kept');
    expect(() => v.reveal('missing')).toThrow(UsageError);
    // Names that are also Object.prototype keys are not secrets.
    expect(v.has('constructor')).toBe(false);
    expect(() => v.reveal('toString')).toThrow(UsageError);
  });

  it('add refuses existing names, replace refuses missing ones, set does both; refusals write nothing', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    const before = file();
    await expect(v.write([['a', 'x']], 'add')).rejects.toBeInstanceOf(UsageError);
    await expect(v.write([['zz', 'x']], 'replace')).rejects.toBeInstanceOf(UsageError);
    await expect(v.write([['bad name', 'x']], 'set')).rejects.toBeInstanceOf(UsageError);
    await expect(v.write([['c', 'nul\0']], 'set')).rejects.toBeInstanceOf(UsageError);
    await expect(v.write([['c', 'x'.repeat(1024 * 1024 + 1)]], 'set')).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(file().equals(before)).toBe(true);

    const gen = readDoc(home).generation;
    await v.write(
      [
        ['a', 'two'],
        ['c', 'three'],
      ],
      'set',
    );
    expect(readDoc(home).generation).toBe(gen + 1); // one write for the batch
    const again = await Vault.unlock(home, PASSPHRASE);
    expect([again.reveal('a'), again.reveal('c')]).toEqual(['two', 'three']);
  });

  it('set keeps createdAt and moves updatedAt', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    const before = readDoc(home).secrets.a!;
    // The clock is the subject: a minute later, on fake time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(before.updatedAt) + 60_000);
    try {
      await v.write([['a', 'four']], 'set');
    } finally {
      vi.useRealTimers();
    }
    const after = readDoc(home).secrets.a!;
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('remove deletes only existing names', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    await expect(v.remove(['nope'])).rejects.toBeInstanceOf(UsageError);
    await v.remove(['c']);
    expect((await Vault.unlock(home, PASSPHRASE)).has('c')).toBe(false);
  });

  it('markPushed records fingerprints for existing names only', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    const fp = v.fingerprint('a', 'four');
    expect(fp).not.toContain('four');
    const names = Object.keys(readDoc(home).secrets).sort();
    await v.markPushed(
      new Map([
        ['a', fp],
        ['ghost', fp],
        ['constructor', fp],
      ]),
    );
    const again = await Vault.unlock(home, PASSPHRASE);
    expect(again.pushedFingerprint('a')).toBe(fp);
    // The file gained no entry for a name it did not hold (not even a bare fingerprint).
    expect(Object.keys(readDoc(home).secrets).sort()).toEqual(names);
    expect(again.pushedFingerprint('ghost')).toBeUndefined();
    expect(again.pushedFingerprint('constructor')).toBeUndefined();
    expect(again.fingerprint('a', 'four')).toBe(fp);
    expect(again.fingerprint('a', 'five')).not.toBe(fp);
  });

  it('a locked handle reveals and writes nothing', async () => {
    const v = await Vault.unlock(home, PASSPHRASE);
    v.lock();
    expect(v.locked).toBe(true);
    expect(() => v.reveal('a')).toThrow(LockedError);
    await expect(v.write([['d', 'x']], 'add')).rejects.toBeInstanceOf(LockedError);
  });

  it('a value whose ciphertext was cut fails as damaged on unlock (MAC), not as garbage', async () => {
    const doc = readDoc(home);
    const { writeFileSync } = await import('node:fs');
    const ct = Buffer.from(doc.secrets.a!.ct, 'base64');
    doc.secrets.a!.ct = ct.subarray(0, ct.length - 1).toString('base64');
    writeFileSync(join(home, 'vault.json'), JSON.stringify(doc));
    await expect(Vault.unlock(home, PASSPHRASE)).rejects.toBeInstanceOf(DamagedError);
  });
});
