// Issue 12, bugs 6 and 7 (part): suggestions only for close matches, weighing a swap of
// two letters as one typo (`lsec lsit` suggested init; `lsec -v` suggested rm), and
// `list --json --names` ignoring --names.
import { describe, expect, it } from 'vitest';
import { initVault, runCli } from '../helpers/cli.js';

const hint = async (args: string[]) => {
  const r = await runCli(args);
  expect(r.code).toBe(2);
  return r.stderr.split('\n')[1];
};

describe('suggestions', () => {
  it('a transposed command suggests the command it spells', async () => {
    expect(await hint(['lsit'])).toBe('  did you mean: lsec list?');
    expect(await hint(['imoprt'])).toBe('  did you mean: lsec import?');
    expect(await hint(['lisst'])).toBe('  did you mean: lsec list?');
  });

  it('-v and a misspelt --version suggest --version', async () => {
    expect(await hint(['-v'])).toBe('  did you mean: lsec --version?');
    expect(await hint(['--verison'])).toBe('  did you mean: lsec --version?');
    const v = await runCli(['-V']);
    expect(v.stdout).toMatch(/^lsec \d+\.\d+\.\d+\n$/);
  });

  it('nothing is suggested when nothing is close', async () => {
    for (const word of ['foo', 'ab', 'xyzzy', 'deploy']) {
      expect(await hint([word])).toBe('  see: lsec --help');
    }
    expect(await hint(['-x'])).toBe('  see: lsec --help');
  });

  it('a transposed flag is suggested', async () => {
    const r = await runCli(['list', '--jsno']);
    expect(r.stderr).toMatch(/did you mean --json\?/);
  });
});

describe('list --json --names', () => {
  it('prints the names alone in the JSON object', async () => {
    const { home } = await initVault({ secrets: { beta: '2', alpha: '1' } });
    const r = await runCli(['list', '--json', '--names'], { home });
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toEqual({ schema: 1, names: ['alpha', 'beta'] });
    const full = JSON.parse((await runCli(['list', '--json'], { home })).stdout);
    expect(Object.keys(full)).toEqual(['schema', 'secrets']);
  });
});
