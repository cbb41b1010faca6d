// `lsec launch` through the real binary with a fake Lightning launcher, in a HOME of
// its own (so no real ~/.lightning/credentials.json is read): the run's result plus
// what the fake recorded. The fake parses with click as Lightning 1.9.5 does
// (test/fixtures/fake-lightning.py), so a launch passes only when click accepts its argv;
// tests of signals use fake-lightning.mjs directly.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';
import { withClick } from './click-lightning.js';

// Where every launch test, CLI or TUI, starts: one way to write a project folder.
/** A project folder with app.py and a .lsec.json holding `profile` as "default". */
export function projectWith(profile: object): string {
  const dir = tempDir('lsec-tui-project-');
  writeFileSync(join(dir, 'app.py'), '');
  const file = { version: 1, profiles: { default: profile } };
  writeFileSync(join(dir, '.lsec.json'), JSON.stringify(file, null, 2));
  return dir;
}

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
