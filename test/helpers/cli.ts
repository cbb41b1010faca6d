// Runs the real built `lsec` binary the way a user's shell would: a fresh process, a
// temporary LSEC_HOME, an explicit environment and optional stdin bytes. Reusable by
// any e2e test: `const r = await runCli(['list', '--json'], { home })`.
//
// The binary is a snapshot of bin/ + dist/ copied once per test file, because other
// engineers rebuild dist/ (which first deletes it) while suites run; the bundle is
// self-contained, so the copy behaves exactly like `node bin/lsec.js`.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { deriveKey, open, passphraseBytes, subkey } from '../../src/store/crypto.js';
import { toBase64 } from '../../src/store/encoding.js';
import type { VaultDoc } from '../../src/store/vault-format.js';
import { docBytes, keySlotAad, manifestMac } from '../../src/store/vault-mac.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The iteration count tests use: the allowed floor, so each unlock costs ~0.15 s. */
export const TEST_ITERATIONS = '600000';
export const PASSPHRASE = 'correct horse battery';

const scratch: string[] = [];
let binary: string | undefined;
let sharedCwd: string | undefined;

// Everything made here goes after each test file: vitest ends its workers without
// running 'exit' handlers, so only a hook reliably cleans up.
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  binary = undefined;
  sharedCwd = undefined;
});

/** A fresh folder, removed after the current test file. */
export function tempDir(prefix = 'lsec-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** A fresh LSEC_HOME; `sub` makes it a not-yet-existing folder inside a temp dir. */
export function tempHome(sub?: string): string {
  const dir = tempDir('lsec-home-');
  return sub ? join(dir, sub) : dir;
}

// The SDK's teamspace choice comes from this file, so cloud and launch tests need one alike.
/** A user HOME whose ~/.lightning/config.yaml names `owner/name` as the SDK writes it. */
export function teamspaceConfigHome(owner: string, name: string, ownerType: string): string {
  const home = tempDir('lsec-userhome-');
  mkdirSync(join(home, '.lightning'));
  writeFileSync(
    join(home, '.lightning', 'config.yaml'),
    `teamspace:\n  name: ${name}\n  owner: ${owner}\n  owner_type: ${ownerType}\n`,
  );
  return home;
}

/** Path of the snapshot of bin/lsec.js (dist/ beside it). Throws when nothing is built. */
export function lsecBin(): string {
  if (binary) return binary;
  if (!existsSync(join(REPO, 'dist', 'lsec.js'))) {
    throw new Error('dist/lsec.js is missing: run `npm run build` before the e2e tests');
  }
  const root = tempDir('lsec-bin-');
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(join(root, 'bin'), { recursive: true });
      cpSync(join(REPO, 'bin', 'lsec.js'), join(root, 'bin', 'lsec.js'));
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      cpSync(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
      break;
    } catch (error) {
      // A concurrent rebuild removed dist/ mid-copy; it reappears within a second.
      if (attempt >= 20) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  binary = join(root, 'bin', 'lsec.js');
  return binary;
}

export interface RunOptions {
  /** LSEC_HOME for the run. */
  home?: string;
  /** Added to (or, when undefined, removed from) the base environment. */
  env?: Record<string, string | undefined>;
  /** Bytes for stdin; stdin is closed after them (an empty pipe when omitted). */
  input?: string | Buffer;
  cwd?: string;
  /** Runs through `sh -c 'umask U; exec node …'` (the shell only sets the umask). */
  umask?: string;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout exactly as written, for byte-level checks. */
  stdoutBytes: Buffer;
  stderrBytes: Buffer;
}

/** The environment every run starts from: no LSEC_* or Lightning variables leak in. */
export function baseEnv(home?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(LSEC_|LIGHTNING_)/.test(k) && v !== undefined) env[k] = v;
  }
  env.NO_COLOR = '1';
  env.LSEC_ITERATIONS = TEST_ITERATIONS;
  if (home !== undefined) env.LSEC_HOME = home;
  return env;
}

/** One empty working folder per test file, so lsec never sees the repo's files. */
function defaultCwd(): string {
  sharedCwd ??= tempDir('lsec-cwd-');
  return sharedCwd;
}

/** Starts the binary and returns the child (for tests that signal it). */
export function spawnCli(args: string[], options: RunOptions = {}): ChildProcess {
  const env = baseEnv(options.home);
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const bin = lsecBin();
  const [cmd, argv] = options.umask
    ? ['sh', ['-c', `umask ${options.umask}; exec "$0" "$@"`, process.execPath, bin, ...args]]
    : [process.execPath, [bin, ...args]];
  return spawn(cmd as string, argv as string[], {
    cwd: options.cwd ?? defaultCwd(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs the binary to completion. Never rejects on a non-zero exit: tests assert codes. */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnCli(args, options);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  // lsec may refuse and exit before reading all of stdin (e.g. a value over 1 MiB).
  child.stdin!.on('error', () => {});
  child.stdin!.end(options.input ?? '');
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`lsec ${args.join(' ')} did not finish in ${options.timeoutMs ?? 20_000} ms`),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      const stderrBytes = Buffer.concat(err);
      resolvePromise({
        code,
        signal,
        stdout: stdoutBytes.toString('utf8'),
        stderr: stderrBytes.toString('utf8'),
        stdoutBytes,
        stderrBytes,
      });
    });
  });
}

/** Writes a passphrase file (first line = the passphrase) and returns its path. */
export function passFile(passphrase: string, dir = tempDir('lsec-pass-')): string {
  const path = join(dir, `pass-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600 });
  return path;
}

export const vaultPath = (home: string): string => join(home, 'vault.json');
export const readVaultBytes = (home: string): Buffer => readFileSync(vaultPath(home));

/** A vault made by `lsec init`, optionally with secrets added through `lsec set`. */
export async function initVault(
  options: { home?: string; passphrase?: string; secrets?: Record<string, string> } = {},
): Promise<{ home: string; pass: string }> {
  const home = options.home ?? tempHome();
  const pass = passFile(options.passphrase ?? PASSPHRASE);
  const init = await runCli(['init', '--passphrase-file', pass], { home });
  if (init.code !== 0) throw new Error(`lsec init failed: ${init.stderr}`);
  for (const [name, value] of Object.entries(options.secrets ?? {})) {
    const r = await runCli(['set', name, '--passphrase-file', pass], { home, input: value });
    if (r.code !== 0) throw new Error(`lsec set ${name} failed: ${r.stderr}`);
  }
  return { home, pass };
}

/** `lsec get NAME` with the trailing newline `get` adds removed. */
export async function getValue(
  home: string,
  pass: string,
  name: string,
): Promise<{ code: number | null; value: string; stderr: string }> {
  const r = await runCli(['get', name, '--passphrase-file', pass], { home });
  const value = r.code === 0 ? r.stdoutBytes.subarray(0, -1).toString('utf8') : '';
  return { code: r.code, value, stderr: r.stderr };
}

/** Traces that an unexpected exception, not a designed error, ended the process. */
export const CRASH_MARKERS =
  /TypeError|RangeError|ReferenceError|SyntaxError|internal error|\n\s+at /;

/** The shape of every refusal: an error line, an optional hint, nothing else. */
export function expectOneError(stderr: string, fix: RegExp): void {
  // "reading the value from stdin" is printed before lsec blocks on stdin.
  const body = stderr.replace(/^lsec: reading the value from stdin[^\n]*\n/, '');
  expect(body).toMatch(/^lsec: error: [^\n]+\n( {2}[^\n]+\n)?$/);
  expect(body).toMatch(fix);
  expect(stderr).not.toMatch(CRASH_MARKERS);
}

// White-box helpers for tamper tests: read/write the vault JSON, and re-compute a MAC
// with the real key, so a test can show that AAD (not only the MAC) binds a value to
// its name and vault, as a forger who somehow held the MAC key would find.

export function readDoc(home: string): VaultDoc {
  return JSON.parse(readFileSync(vaultPath(home), 'utf8')) as VaultDoc;
}

export function writeDoc(home: string, doc: unknown): void {
  writeFileSync(vaultPath(home), JSON.stringify(doc, null, '\t'));
}

/** The MAC key of a vault, found the way unlock finds it. */
export async function macKeyOf(doc: VaultDoc, passphrase: string): Promise<Buffer> {
  const vaultId = docBytes(doc.vaultId);
  const kek = await deriveKey(
    passphraseBytes(passphrase),
    docBytes(doc.kdf.salt),
    doc.kdf.iterations,
  );
  const slot = doc.keySlot;
  const dek = open(
    kek,
    { iv: docBytes(slot.iv), ct: docBytes(slot.ct), tag: docBytes(slot.tag) },
    keySlotAad(vaultId, doc.kdf),
  );
  if (!dek) throw new Error('wrong passphrase for macKeyOf');
  return subkey(dek, vaultId, 'mac');
}

/** The doc with a MAC that verifies under `macKey` (a forger holding the key). */
export function remac(doc: VaultDoc, macKey: Buffer): VaultDoc {
  const draft = { ...doc, mac: '' };
  draft.mac = toBase64(manifestMac(macKey, draft));
  return draft;
}

/** Byte spans [start, end) of the JSON values at these top-level keys in the file text. */
export function valueSpans(text: string, keys: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const key of keys) {
    const at = text.indexOf(`"${key}":`);
    if (at < 0) throw new Error(`no "${key}" in the vault text`);
    let i = at + key.length + 3;
    while (/\s/.test(text[i]!)) i++;
    const start = i;
    if (text[i] === '{') {
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
      spans.push([start, i + 1]);
    } else if (text[i] === '"') {
      spans.push([start, text.indexOf('"', i + 1) + 1]);
    } else {
      while (/[-0-9.eE+]/.test(text[i]!)) i++;
      spans.push([start, i]);
    }
  }
  return spans;
}
