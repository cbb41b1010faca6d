// Vault.refresh: an open handle reads what another process wrote (the TUI's R and its
// file watch), after the same checks a write makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedError, LockedError } from '../../src/lib/errors.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, tempHome } from '../helpers/cli.js';

describe('Vault.refresh', () => {
  it("lists another handle's writes and says from which generation", async () => {
    const home = tempHome();
    const mine = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
    expect(mine.refresh()).toBeUndefined();
    const other = await Vault.unlock(home, PASSPHRASE);
    await other.write([['added-elsewhere', 'v']], 'add');
    expect(mine.list()).toEqual([]);
    expect(mine.refresh()).toBe(1);
    expect(mine.generation).toBe(2);
    expect(mine.list().map((s) => s.name)).toEqual(['added-elsewhere']);
    expect(mine.reveal('added-elsewhere')).toBe('v');
  });

  it('refuses an older copy and keeps the list it had', async () => {
    const home = tempHome();
    const mine = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
    const path = join(home, 'vault.json');
    const old = readFileSync(path);
    await mine.write([['kept', 'v']], 'add');
    writeFileSync(path, old);
    expect(() => mine.refresh()).toThrow(DamagedError);
    expect(mine.list().map((s) => s.name)).toEqual(['kept']);
  });

  it('after passwd in another terminal, asks to unlock again instead of calling the file damaged', async () => {
    const home = tempHome();
    const mine = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
    await mine.write([['kept', 'v']], 'add');
    const other = await Vault.unlock(home, PASSPHRASE);
    await other.changePassphrase('a brand new passphrase');
    expect(() => mine.refresh()).toThrow(LockedError);
    expect(() => mine.refresh()).toThrow(/passphrase was changed in another terminal/);
    expect(mine.list().map((s) => s.name)).toEqual(['kept']);
  });

  it('a write after passwd in another terminal asks to unlock again and writes nothing', async () => {
    const home = tempHome();
    const mine = await Vault.create(home, PASSPHRASE, { iterations: 600_000 });
    const other = await Vault.unlock(home, PASSPHRASE);
    await other.changePassphrase('a brand new passphrase');
    const path = join(home, 'vault.json');
    const before = readFileSync(path);
    await expect(mine.write([['late', 'v']], 'add')).rejects.toThrow(LockedError);
    expect(readFileSync(path)).toEqual(before);
  });
});
