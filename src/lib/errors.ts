// Every failure lsec reports is one of these; the exit code follows from the class
// (DESIGN §2). Messages name the problem and the fix and never hold a value,
// a passphrase or an excerpt of a file.

export const EXIT = {
  ok: 0,
  runtime: 1,
  usage: 2,
  locked: 3,
  damaged: 4,
} as const;

export class LsecError extends Error {
  readonly exitCode: number;
  /** A second line telling the user what to do, printed after the message. */
  readonly hint: string | undefined;
  constructor(message: string, exitCode: number, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad input: nothing was changed. Exit 2. */
export class UsageError extends LsecError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** Wrong or missing passphrase. Exit 3. */
export class LockedError extends LsecError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.locked, hint);
  }
}

/** The vault file is damaged, tampered with, or of an unknown format. Exit 4. */
export class DamagedError extends LsecError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.damaged, hint);
  }
}

/** I/O, network, or a child that could not start. Exit 1. */
export class RuntimeError extends LsecError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.runtime, hint);
  }
}

/** The one place an unknown error becomes an exit code and a safe message. */
export function describeError(error: unknown): {
  message: string;
  hint?: string;
  exitCode: number;
} {
  if (error instanceof LsecError) {
    return { message: error.message, hint: error.hint, exitCode: error.exitCode };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') {
    const path = (error as NodeJS.ErrnoException).path;
    return {
      message: `${ioVerb(code)}${path ? `: ${path}` : ''} (${code})`,
      exitCode: EXIT.runtime,
    };
  }
  // An unexpected bug: say so without echoing internals that might hold data.
  const name = error instanceof Error ? error.name : typeof error;
  return {
    message: `internal error (${name}); please report it with the command you ran`,
    exitCode: EXIT.runtime,
  };
}

/** A failed system call's code in words: ENOENT -> "no such file or directory". */
export function ioVerb(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EISDIR':
      return 'is a directory';
    case 'EROFS':
      return 'read-only file system';
    default:
      return 'input/output error';
  }
}
