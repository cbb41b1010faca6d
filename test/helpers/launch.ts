// `lsec launch` through the real binary with a fake Lightning launcher, in a HOME of
// its own (so no real ~/.lightning/credentials.json is read): the run's result plus
// what the fake recorded. The fake parses with click as Lightning 1.9.5 does
// (test/fixtures/fake-lightning.py), so a launch passes only when click accepts its argv;
// tests of signals use fake-lightning.mjs directly.
import { withClick } from './click-lightning.js';

export async function launchWithFake(
  args: string[],
  options: { home: string; cwd: string; env?: Record<string, string> },
) {
  const r = await withClick(['launch', ...args], { ...options, release: '1.9.5' });
  return {
    ...r,
    launches: r.launches.map((l) => ({ argv: l.argv, cwd: l.cwd ?? '', env: l.env ?? {} })),
  };
}
