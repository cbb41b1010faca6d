// The project commands edit or read `.lsec.json` and at most the vault's names, so
// they must not load the crypto library (node-forge): it is the largest part of the
// start-up of the commands that do need it. Traced through the real binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, REPO, runCli, tempDir } from '../helpers/cli.js';

const TRACER = pathToFileURL(join(REPO, 'test', 'fixtures', 'trace-loads.mjs')).href;
// Found in node-forge's AES and in src/store/crypto.ts, whatever chunk holds them.
const CRYPTO_MARK = 'AES-GCM';

let home: string;
let pass: string;
const project = tempDir('lsec-loads-proj-');

beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: { 'api-key': 'v' } }));
});

/** Runs lsec and returns the files it loaded that hold the crypto code. */
async function cryptoFilesLoaded(args: string[], code = 0): Promise<string[]> {
  const trace = join(tempDir('lsec-trace-'), 'loads.txt');
  const r = await runCli(args, {
    home,
    cwd: project,
    env: { NODE_OPTIONS: `--import=${TRACER}`, LSEC_TRACE_LOADS: trace },
  });
  expect(r.code, r.stderr).toBe(code);
  const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  // The tracer itself works: the binary's entry is always among the loads.
  expect(loaded.some((url) => url.endsWith('/dist/lsec.js'))).toBe(true);
  return loaded
    .map((url) => fileURLToPath(url))
    .filter((file) => readFileSync(file, 'utf8').includes(CRYPTO_MARK));
}

describe('commands that need no passphrase load no crypto', () => {
  it.each([
    ['map', ['map', 'API_KEY=api-key'], 0],
    ['unmap', ['unmap', 'API_KEY'], 0],
    ['env', ['env', 'FOO=bar'], 0],
    ['unenv', ['unenv', 'FOO'], 0],
    // No app file and no Lightning here, so show reports a refused launch (exit 2).
    ['show', ['show'], 2],
    ['list', ['list'], 0],
  ])('lsec %s', async (_name, args, code) => {
    expect(await cryptoFilesLoaded(args, code)).toEqual([]);
  });

  it('while a command that decrypts does load it (the check can fail)', async () => {
    expect(await cryptoFilesLoaded(['get', 'api-key', '--passphrase-file', pass])).not.toEqual([]);
  });
});
