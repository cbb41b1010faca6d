// Runs the built binary as another, unprivileged user (setpriv; the suite runs as
// root), for checks whose victim must not be root: root passes every permission
// check and owns what it makes.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, lsecBin, type RunResult, tempDir } from './cli.js';

export const NOBODY = 65534;
export const canSwitchUser = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

let bin: string | undefined;

/** A copy of the binary that nobody can read (the shared snapshot is in a 0700 folder). */
function nobodyBin(): string {
  if (bin && existsSync(bin)) return bin;
  const root = tempDir('lsec-bin-nobody-');
  chmodSync(root, 0o755);
  cpSync(join(lsecBin(), '..', '..'), join(root, 'lsec'), { recursive: true });
  chmodSync(join(root, 'lsec'), 0o755);
  bin = join(root, 'lsec', 'bin', 'lsec.js');
  return bin;
}

/** A folder owned by nobody (mode 0755) inside a world-readable temp folder. */
export function nobodysFolder(name = 'app'): string {
  const outer = tempDir('lsec-nobody-');
  chmodSync(outer, 0o755);
  const dir = join(outer, name);
  mkdirSync(dir, { mode: 0o755 });
  chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** Runs lsec as nobody in `cwd`, LSEC_HOME `home` (default `cwd/.home`), plus `env`. */
export function runAsNobody(
  args: string[],
  options: { cwd: string; home?: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  const env = { ...baseEnv(options.home ?? join(options.cwd, '.home')), ...options.env };
  const child = spawn(
    'setpriv',
    [
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      '--clear-groups',
      process.execPath,
      nobodyBin(),
      ...args,
    ],
    { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out);
      const stderrBytes = Buffer.concat(err);
      resolve({
        code,
        signal,
        stdoutBytes,
        stderrBytes,
        stdout: stdoutBytes.toString(),
        stderr: stderrBytes.toString(),
      });
    });
  });
}
