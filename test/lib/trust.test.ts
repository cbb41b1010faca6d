// The trust rule of lib/trust.ts (issue 11.4) on the corner cases the e2e tests do not
// reach: group-write by a personal group (Debian's user private groups, umask 002)
// versus a shared group, and the sticky bit only where the caller allows it.
import { type Stats, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { trustProblem } from '../../src/lib/trust.js';

const me = process.getuid?.() ?? 0;
const myGid = process.getgid?.() ?? 0;

function stats(over: { uid?: number; gid?: number; mode: number; dir?: boolean }): Stats {
  const real = statSync('.');
  return Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
    uid: over.uid ?? me,
    gid: over.gid ?? myGid,
    mode: (over.dir ? 0o040000 : 0o100000) | over.mode,
  }) as Stats;
}

// As root (the suite's user here) the primary group is root, which has no other
// members on Debian and the like: a personal group.
const asRoot = userInfo().username === 'root' && myGid === 0;

describe.runIf(process.platform !== 'win32')('trustProblem', () => {
  it('yours or root’s, written only by the owner: trusted', () => {
    expect(trustProblem(stats({ mode: 0o644 }))).toBeUndefined();
    expect(trustProblem(stats({ uid: 0, mode: 0o644 }))).toBeUndefined();
  });

  it('owned by another user: refused, whatever the mode', () => {
    const other = me === 4242 ? 4343 : 4242;
    expect(trustProblem(stats({ uid: other, mode: 0o600 }))).toBe(
      `is owned by another user (uid ${other})`,
    );
  });

  it('writable by others: refused; a sticky folder only where allowed', () => {
    expect(trustProblem(stats({ mode: 0o666 }))).toBe('is writable by other users');
    expect(trustProblem(stats({ mode: 0o1777, dir: true }))).toBe('is writable by other users');
    expect(trustProblem(stats({ mode: 0o1777, dir: true }), { stickyOk: true })).toBeUndefined();
    // The sticky bit means nothing on a file.
    expect(trustProblem(stats({ mode: 0o1666 }), { stickyOk: true })).toBe(
      'is writable by other users',
    );
  });

  it('group-writable: refused for a shared group', () => {
    expect(trustProblem(stats({ gid: 4242, mode: 0o664 }))).toBe('is writable by its group');
  });

  it.runIf(asRoot)('group-writable by your personal group (umask 002): accepted', () => {
    expect(trustProblem(stats({ gid: myGid, mode: 0o664 }))).toBeUndefined();
    expect(trustProblem(stats({ gid: myGid, mode: 0o775, dir: true }))).toBeUndefined();
  });
});
