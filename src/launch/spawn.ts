// Runs the launched child in the foreground and passes its exit status through
// (DESIGN §2: its code, or 128+N when signal N ended it). No shell is involved,
// so nothing in argv is ever interpreted.

import { spawn } from 'node:child_process';
import os from 'node:os';
import { RuntimeError } from '../lib/errors.js';
import { isDirectory } from '../lib/fs.js';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface RunOptions {
  /** Replaces the generic hint when the executable is missing (e.g. how to install Lightning). */
  notFoundHint?: string;
  /**
   * Whether a Ctrl+C on our terminal also reaches the child. The terminal sends
   * SIGINT to the whole foreground process group, which the child shares with us,
   * so forwarding it too would interrupt the child twice (a second
   * KeyboardInterrupt can break Python's clean-up). Defaults to stdin being a TTY.
   */
  terminalSendsInterrupt?: boolean;
}

/**
 * Spawns `bin` with inherited stdio and resolves with its exit code. While it runs,
 * SIGINT/SIGTERM/SIGHUP sent to lsec are forwarded to the child once each and do
 * not end lsec, which waits for the child; the handlers are removed afterwards.
 */
export function runChild(
  bin: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: RunOptions = {},
): Promise<number> {
  // spawn reports a missing cwd as ENOENT on the executable, which would mislead.
  if (!isDirectory(cwd)) {
    return Promise.reject(new RuntimeError(`cannot run ${bin}: the folder ${cwd} does not exist`));
  }
  const terminalInterrupt = options.terminalSendsInterrupt ?? process.stdin.isTTY === true;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env, stdio: 'inherit', shell: false });
    const forwarded = new Set<NodeJS.Signals>();
    const handlers = FORWARDED.map((signal) => {
      const handler = () => {
        if (forwarded.has(signal)) return;
        forwarded.add(signal);
        if (signal === 'SIGINT' && terminalInterrupt) return;
        child.kill(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      outcome();
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      // With a pid the child did start and this is a failed kill(); its exit still comes.
      if (child.pid !== undefined) return;
      finish(() => reject(spawnError(bin, error, options.notFoundHint)));
    });
    child.once('exit', (code, signal) => {
      finish(() => resolve(exitStatus(code, signal)));
    });
  });
}

/** The child's code, or 128+N for signal N, as a shell reports it. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

function spawnError(bin: string, error: NodeJS.ErrnoException, notFoundHint?: string): Error {
  switch (error.code) {
    case 'ENOENT':
      return new RuntimeError(
        `cannot run ${bin}: no such executable`,
        notFoundHint ?? 'check the name, or give the full path to the program',
      );
    case 'EACCES':
      return new RuntimeError(
        `cannot run ${bin}: permission denied`,
        `make it executable (chmod +x ${bin}) or check the folder's permissions`,
      );
    default:
      return new RuntimeError(
        `cannot run ${bin} (${error.code ?? 'unknown error'})`,
        notFoundHint ?? 'check that the program exists and can be run',
      );
  }
}
