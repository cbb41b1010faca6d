// Crash safety (security.md §8): `lsec set` is SIGKILLed at random moments while it
// rewrites the vault. After every kill the vault must open with either the old or the
// new state — never a torn file — and the next write must clean up what the killed
// one left (temp files). The vault holds a 1 MiB secret so each write (re-read, MAC,
// backup copy, temp file, fsync, rename) takes long enough to be hit; the value that
// changes is small so checking it after each kill stays cheap.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getValue,
  initVault,
  readDoc,
  runCli,
  spawnCli,
  tempHome,
  vaultPath,
} from '../helpers/cli.js';

const KILLS = 50;
const filler = (i: number) => `${i}`.repeat(1024 * 1024 - 1).slice(0, 1024 * 1024 - 1);
const { home, pass } = await initVault({
  secrets: { big: filler(7), counter: 'v-0' },
});

const leftovers = (h: string) =>
  readdirSync(h).filter((f) => /^vault\.json\.tmp-/.test(f) || f === 'vault.json.bak.tmp');

/** Runs `lsec set counter` and SIGKILLs it `delayMs` after it starts reading stdin;
 * resolves with the signal that ended it and the ms from that note to the end. */
function setAndKill(
  value: string,
  delayMs: number | undefined,
): Promise<{ signal: NodeJS.Signals | null; writeMs: number }> {
  const child: ChildProcess = spawnCli(['set', 'counter', '--passphrase-file', pass], { home });
  child.stdin!.on('error', () => {});
  child.stdin!.end(value);
  child.stdout!.resume();
  let noted = 0;
  child.stderr!.on('data', (b: Buffer) => {
    // The note comes right after unlock, just before the locked write begins.
    if (!noted && b.toString().includes('reading the value')) {
      noted = Date.now();
      if (delayMs !== undefined) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  return new Promise((resolve) =>
    child.on('close', (_code, signal) => resolve({ signal, writeMs: Date.now() - noted })),
  );
}

/** A writer killed while holding the lock leaves it; proper-lockfile treats a lock
 * whose mtime is over 10 s old as stale. Age it instead of sleeping 10 s per kill. */
function ageStaleLock(): boolean {
  const lock = `${vaultPath(home)}.lock`;
  if (!existsSync(lock)) return false;
  const old = new Date(Date.now() - 60_000);
  utimesSync(lock, old, old);
  return true;
}

describe('SIGKILL during writes', () => {
  it(`leaves the old or the new state, ${KILLS} kills`, async () => {
    // How long the write phase lasts uninterrupted, to aim the first kills inside it.
    // The window then follows what this machine does: a run that finished before its
    // kill halves it (a busy machine can make one write much faster than another), a
    // kill that landed widens it a little, so the kills keep landing inside writes.
    const first = await setAndKill('v-0', undefined);
    expect(first.signal).toBeNull();
    let window = Math.max(50, first.writeMs * 1.2);

    let committed = 'v-0';
    let generation = readDoc(home).generation;
    let kills = 0;
    let finished = 0;
    let orphansSeen = 0;
    let staleLocks = 0;
    for (let i = 1; kills < KILLS && i <= KILLS * 4; i++) {
      const next = `v-${i}`;
      const { signal } = await setAndKill(next, Math.floor(Math.random() * window));
      if (signal === 'SIGKILL') {
        kills++;
        window *= 1.1;
      } else {
        expect(signal).toBeNull();
        finished++;
        window = Math.max(1, window / 2);
      }
      orphansSeen += leftovers(home).length;
      if (ageStaleLock()) staleLocks++;

      // The invariant after every run, killed or not.
      const got = await getValue(home, pass, 'counter');
      expect(got.code, `after kill ${kills}: ${got.stderr}`).toBe(0);
      expect([committed, next]).toContain(got.value);
      if (signal === null) expect(got.value).toBe(next);
      const gen = readDoc(home).generation;
      expect(gen).toBe(got.value === next ? generation + 1 : generation);
      committed = got.value;
      generation = gen;
    }
    expect(kills).toBe(KILLS);
    // Not asserted (timing-dependent), but shows the kills landed inside writes.
    console.info(
      `crash test: ${kills} kills, ${finished} runs finished first (final window ${Math.round(window)} ms): ${orphansSeen} orphan temp files, ${staleLocks} stale locks`,
    );

    // The next complete write removes every orphan and leaves a whole backup.
    const last = await runCli(['set', 'counter', '--passphrase-file', pass], {
      home,
      input: 'final',
    });
    expect(last.code, last.stderr).toBe(0);
    expect(leftovers(home)).toEqual([]);
    expect(existsSync(`${vaultPath(home)}.lock`)).toBe(false);
    expect((await getValue(home, pass, 'counter')).value).toBe('final');
    expect((await getValue(home, pass, 'big')).value).toBe(filler(7));

    // vault.json.bak is the previous good file: it opens on its own.
    const restored = tempHome();
    copyFileSync(`${vaultPath(home)}.bak`, vaultPath(restored));
    expect((await getValue(restored, pass, 'counter')).value).toBe(committed);
  }, 900_000); // ~0.6 s per kill (two processes that each derive a key), minutes under load

  it('a write removes orphan temp files planted by a crashed writer', async () => {
    const { home: h, pass: p } = await initVault({ secrets: { k: 'v' } });
    const orphans = ['vault.json.tmp-1732550000123abcdef', 'vault.json.bak.tmp'];
    for (const f of orphans) writeFileSync(join(h, f), 'half a vault {');
    const r = await runCli(['set', 'k', '--passphrase-file', p], { home: h, input: 'w' });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(h).filter((f) => orphans.includes(f))).toEqual([]);
    expect((await getValue(h, p, 'k')).value).toBe('w');
  });
});
