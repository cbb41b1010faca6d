// Values and passphrases never reach stdout or stderr unless explicitly revealed
// (security.md §3 #12, §8 "Leaks"): a full CLI flow runs with sentinel values and
// every command's output, success or failure, is searched for them. Only `get` may
// print a value, and only the one asked for.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passFile, type RunResult, runCli, tempHome, vaultPath } from '../helpers/cli.js';

const PASS = 'PASS-SENTINEL-0b5d correct horse';
const NEW_PASS = 'NEWPASS-SENTINEL-44aa battery staple';
const V1 = 'VAL1-SENTINEL-9e21';
const V2 = 'VAL2-SENTINEL-c3d4\nsecond line';
const SHORT = 'Sh0rt!7'; // a refused new passphrase must not be echoed either
const SENTINELS = [PASS, NEW_PASS, V1, V2, SHORT, 'SENTINEL'];

function expectClean(what: string, r: RunResult, allowed: string[] = []) {
  for (const s of SENTINELS) {
    let out = r.stdout;
    for (const a of allowed) out = out.replace(a, '');
    expect(out, `${what}: stdout`).not.toContain(s);
    expect(r.stderr, `${what}: stderr`).not.toContain(s);
  }
}

describe('sentinel values and passphrases stay out of output', () => {
  it('through init, add, set, list, list --json, get, rm, passwd and their failures', async () => {
    const home = tempHome();
    const pass = passFile(PASS);
    const newPass = passFile(NEW_PASS);
    const wrong = passFile('WRONG-SENTINEL-passphrase');
    const run = (
      args: string[],
      input?: string | Buffer,
      extra: { env?: Record<string, string> } = {},
    ) => runCli(args, { home, input, ...extra });
    const steps: [string, () => Promise<RunResult>, number][] = [
      ['init', () => run(['init', '--passphrase-file', pass]), 0],
      [
        'init via LSEC_PASSPHRASE',
        () => runCli(['init'], { home: tempHome(), env: { LSEC_PASSPHRASE: PASS } }),
        0,
      ],
      ['add', () => run(['add', 'one', '--passphrase-file', pass], V1), 0],
      [
        'add via LSEC_PASSPHRASE',
        () => run(['add', 'two'], V2, { env: { LSEC_PASSPHRASE: PASS } }),
        0,
      ],
      ['set', () => run(['set', 'one', '--passphrase-file', pass], V1), 0],
      ['list', () => run(['list']), 0],
      ['list --json', () => run(['list', '--json']), 0],
      ['duplicate add', () => run(['add', 'one', '--passphrase-file', pass], `${V1}x`), 2],
      ['NUL in value', () => run(['add', 'nul', '--passphrase-file', pass], `${V1}\0`), 2],
      [
        'bad UTF-8 value',
        () =>
          run(
            ['add', 'bad', '--passphrase-file', pass],
            Buffer.concat([Buffer.from(V1), Buffer.from([0xc3, 0x28])]),
          ),
        2,
      ],
      ['too big value', () => run(['add', 'big', '--passphrase-file', pass], V1.repeat(70_000)), 2],
      ['bad name', () => run(['add', 'bad name', '--passphrase-file', pass], V1), 2],
      ['wrong passphrase', () => run(['get', 'one', '--passphrase-file', wrong]), 3],
      [
        'wrong env passphrase',
        () => run(['get', 'one'], undefined, { env: { LSEC_PASSPHRASE: 'WRONG-SENTINEL' } }),
        3,
      ],
      ['init over a vault', () => run(['init', '--passphrase-file', pass]), 2],
      [
        'passwd too short',
        () => run(['passwd', '--passphrase-file', pass, '--new-passphrase-file', passFile(SHORT)]),
        2,
      ],
      [
        'passwd',
        () => run(['passwd', '--passphrase-file', pass, '--new-passphrase-file', newPass]),
        0,
      ],
      ['rm', () => run(['rm', 'two', '--yes', '--passphrase-file', newPass]), 0],
      ['rm missing', () => run(['rm', 'two', '--yes', '--passphrase-file', newPass]), 2],
    ];
    for (const [what, step, code] of steps) {
      const r = await step();
      expect(r.code, `${what}: ${r.stderr}`).toBe(code);
      expectClean(what, r);
    }

    // get prints exactly the value asked for, and nothing else secret.
    const get = await run(['get', 'one', '--passphrase-file', newPass]);
    expect(get.code).toBe(0);
    expect(get.stdout).toBe(`${V1}\n`);
    expectClean('get', get, [V1]);

    // A tampered vault's error quotes nothing from the file.
    writeFileSync(vaultPath(home), `{"format":"lsec-vault","v":1,"note":"${V1}"}`, { mode: 0o600 });
    const damaged = await run(['get', 'one', '--passphrase-file', newPass]);
    expect(damaged.code).toBe(4);
    expectClean('damaged vault', damaged);
  });
});
