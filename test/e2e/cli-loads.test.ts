// The project commands edit or read `.lsec.json` and at most the vault's names, so
// they must not load the crypto library (node-forge): it is the largest part of the
// start-up of the commands that do need it. Nor may any command format numbers through
// ICU, whose first use costs about 20 ms (DESIGN §7 budgets `lsec list --json`).
// Traced through the real binary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, REPO, runCli, tempDir } from '../helpers/cli.js';

const TRACER = pathToFileURL(join(REPO, 'test', 'fixtures', 'trace-loads.mjs')).href;
const INTL_TRACER = pathToFileURL(join(REPO, 'test', 'fixtures', 'trace-intl.mjs')).href;
// Found in node-forge's AES and in src/store/crypto.ts, whatever chunk holds them.
const CRYPTO_MARK = 'AES-GCM';
// Found in conf's own code: only writes need conf (and its schema library).
const CONF_MARK = 'Config schema violation';

let home: string;
let pass: string;
const project = tempDir('lsec-loads-proj-');

beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: { 'api-key': 'v' } }));
});

/** Runs lsec and returns the files it loaded that hold `mark` (default: the crypto code). */
async function filesLoaded(args: string[], code = 0, mark = CRYPTO_MARK): Promise<string[]> {
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
    .filter((file) => readFileSync(file, 'utf8').includes(mark));
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
    expect(await filesLoaded(args, code)).toEqual([]);
  });

  it('while a command that decrypts does load it (the check can fail)', async () => {
    expect(await filesLoaded(['get', 'api-key', '--passphrase-file', pass])).not.toEqual([]);
  });
});

describe('commands that only read the project file load no conf', () => {
  it.each([
    ['show', ['show'], 2],
    ['list', ['list'], 0],
  ])('lsec %s', async (_name, args, code) => {
    expect(await filesLoaded(args, code, CONF_MARK)).toEqual([]);
  });

  it('while a command that writes it does load conf (the check can fail)', async () => {
    expect(await filesLoaded(['env', 'FOO=bar'], 0, CONF_MARK)).not.toEqual([]);
  });
});

describe('start-up formats no number through ICU', () => {
  const traced = (trace: string) => ({
    NODE_OPTIONS: `--import=${INTL_TRACER}`,
    LSEC_TRACE_INTL: trace,
  });

  it.each([
    ['list --json', ['list', '--json']],
    ['list', ['list']],
    ['--version', ['--version']],
  ])('lsec %s', async (_name, args) => {
    const trace = join(tempDir('lsec-trace-'), 'intl.txt');
    const r = await runCli(args, { home, cwd: project, env: traced(trace) });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(trace) ? readFileSync(trace, 'utf8') : '').toBe('');
  });

  it('while the tracer sees a use (the check can fail)', () => {
    const trace = join(tempDir('lsec-trace-'), 'intl.txt');
    const r = spawnSync(process.execPath, ['-e', '(1000).toLocaleString("en")'], {
      env: { ...process.env, ...traced(trace) },
    });
    expect(r.status).toBe(0);
    expect(readFileSync(trace, 'utf8')).toContain('toLocaleString');
  });
});
