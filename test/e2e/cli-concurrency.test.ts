// Concurrent writers (security.md §8): without the lock, read-modify-write loses
// updates (130 of 200 in the reference measurement). Eight real `lsec` processes
// write at once; every secret must be kept, the MAC must verify, and the generation
// must have grown by exactly the number of writes (no write based on a stale read).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src/store/vault.js';
import {
  expectOneError,
  getValue,
  initVault,
  PASSPHRASE,
  REPO,
  readDoc,
  readVaultBytes,
  runCli,
  vaultPath,
} from '../helpers/cli.js';

const WRITERS = 8;

describe('8 processes writing at once', () => {
  it('adding different secrets: all kept, MAC valid, generation consistent', async () => {
    const { home, pass } = await initVault();
    const start = readDoc(home).generation;
    const rounds = 2;
    for (let round = 0; round < rounds; round++) {
      const runs = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          runCli(['add', `s-${round}-${i}`, '--passphrase-file', pass], {
            home,
            input: `value ${round}/${i}`,
            timeoutMs: 60_000,
          }),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
    }

    expect(readDoc(home).generation).toBe(start + rounds * WRITERS);
    // Unlock verifies the MAC over every entry; each value must be its own.
    const vault = await Vault.unlock(home, PASSPHRASE);
    expect(vault.list()).toHaveLength(rounds * WRITERS);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < WRITERS; i++)
        expect(vault.reveal(`s-${round}-${i}`)).toBe(`value ${round}/${i}`);
    }
    vault.lock();
    expect((await getValue(home, pass, 's-1-7')).value).toBe('value 1/7');
  });

  it('setting the same name: one value wins, no write is lost from the count', async () => {
    const { home, pass } = await initVault({ secrets: { shared: 'start' } });
    const start = readDoc(home).generation;
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        runCli(['set', 'shared', '--passphrase-file', pass], {
          home,
          input: `w${i}`,
          timeoutMs: 60_000,
        }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(readDoc(home).generation).toBe(start + WRITERS);
    const got = await getValue(home, pass, 'shared');
    expect(got.code).toBe(0);
    expect(Array.from({ length: WRITERS }, (_, i) => `w${i}`)).toContain(got.value);
  });

  it('a reader during writes always sees a whole vault', async () => {
    const { home, pass } = await initVault({ secrets: { stable: 'same' } });
    const writers = Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        runCli(['add', `w-${i}`, '--passphrase-file', pass], {
          home,
          input: 'x',
          timeoutMs: 60_000,
        }),
      ),
    );
    let done = false;
    void writers.then(() => {
      done = true;
    });
    // `list` reads without the lock for as long as writes go on; the rename makes each
    // read see one whole file, never a half-written one.
    let reads = 0;
    while (!done || reads === 0) {
      const pair = await Promise.all([
        runCli(['list', '--json'], { home }),
        runCli(['list'], { home }),
      ]);
      for (const r of pair) expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(pair[0].stdout).schema).toBe(1);
      reads += 2;
    }
    for (const r of await writers) expect(r.code, r.stderr).toBe(0);
  });

  it('a writer that holds the lock makes lsec say "the vault is busy" (exit 1), changing nothing', async () => {
    const { home, pass } = await initVault({ secrets: { k: 'before' } });
    // Another process holds the vault's lock the way lsec does, and keeps it fresh.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('proper-lockfile').lock(${JSON.stringify(vaultPath(home))}, { realpath: false, stale: 10000 })
          .then(() => console.log('held'));
        setInterval(() => {}, 1000);`,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (b: Buffer) => b.toString().includes('held') && resolve());
        holder.on('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
      });
      const before = readVaultBytes(home);
      const r = await runCli(['set', 'k', '--passphrase-file', pass], {
        home,
        input: 'after',
        timeoutMs: 60_000,
      });
      expect(r.code, r.stderr).toBe(1);
      expectOneError(r.stderr, /remove .*vault\.json\.lock/);
      expect(r.stderr).toContain('the vault is busy: another lsec is writing it');
      expect(readVaultBytes(home).equals(before)).toBe(true);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('close', resolve));
    // Once the other writer is gone, the write goes through.
    expect(
      (await runCli(['set', 'k', '--passphrase-file', pass], { home, input: 'after' })).code,
    ).toBe(0);
    expect((await getValue(home, pass, 'k')).value).toBe('after');
  });
});
