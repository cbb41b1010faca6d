// The TUI entry, loaded lazily by cli.ts when lsec runs with no command on a
// terminal: the alternate screen, Ink's render, and a clean terminal on every way
// out (q, Ctrl+C, an error, SIGTERM, SIGHUP), then the outcome (ink.md §4).
import { writeSync } from 'node:fs';
import { render } from 'ink';
import { App } from './app.js';
import { loadCredentials } from './cloud/credentials.js';
import { INSTALL_HINT } from './launch/launcher.js';
import { describeError, UsageError } from './lib/errors.js';
import { note, error as printError } from './lib/messages.js';
import { lsecHome } from './lib/paths.js';
import type { Outcome } from './screens/types.js';
import { hasProfile, readProject, unknownProfileError } from './store/project.js';
import { findProjectDir } from './store/project-dir.js';
import { profileNameProblem } from './store/project-schema.js';
import { iterationsFrom } from './store/vault-format.js';

// The alternate screen, and bracketed paste: a paste arrives marked, so the TUI takes
// it as text for a field, never as keys (screens/shared/key-bus.tsx).
// SGR mouse reporting (1000 + 1006) lets the wheel scroll the lists and a click
// select a row, only while the TUI runs.
const ENTER_ALT = '\u001B[?1049h\u001B[H\u001B[?2004h\u001B[?1000h\u001B[?1006h';
// Mouse and paste marking off, leave the alternate screen, show the cursor (Ink hides it).
const LEAVE_ALT = '\u001B[?1006l\u001B[?1000l\u001B[?2004l\u001B[?1049l\u001B[?25h';

/** LSEC_AUTOLOCK minutes (decimals allowed) as milliseconds; 0 = never; default 5. */
export function autolockMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 5 * 60_000;
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new UsageError(
      `LSEC_AUTOLOCK must be a number of minutes (0 = never), not "${value}"`,
      'for example: LSEC_AUTOLOCK=10 lsec',
    );
  }
  return Math.round(minutes * 60_000);
}

/** The signals that end the TUI, and the exit code a shell would report for each. */
const SIGNALS: [NodeJS.Signals, number][] = [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGINT', 130],
];

/**
 * Leaves the alternate screen exactly once, from whichever path comes first. The
 * 'exit' handler catches process.exit() anywhere; the signal handlers exist because
 * Ink's signal-exit would otherwise re-raise SIGTERM and skip 'exit' entirely.
 */
function guardTerminal(): () => void {
  let inAlt = true;
  const restore = () => {
    if (!inAlt) return;
    inAlt = false;
    try {
      writeSync(1, LEAVE_ALT);
    } catch {
      // The terminal may be gone (SIGHUP): nothing left to restore.
    }
  };
  const onSignal = SIGNALS.map(([signal, code]) => {
    const handler = () => process.exit(code);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  process.on('exit', restore);
  writeSync(1, ENTER_ALT);
  return () => {
    restore();
    process.off('exit', restore);
    for (const [signal, handler] of onSignal) process.off(signal, handler);
  };
}

/**
 * The environment for cloud requests when Lightning credentials are configured, else
 * undefined: without them the TUI shows no cloud column and sends nothing. Broken
 * credentials (one variable of two, a bad file) count as configured, so the home
 * screen can say what is wrong.
 */
export function cloudEnvOf(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | undefined {
  try {
    return loadCredentials(env) ? env : undefined;
  } catch {
    return env;
  }
}

export interface TuiOptions {
  /** LSEC_PASSPHRASE, already removed from process.env. */
  envPassphrase?: string;
  env?: NodeJS.ProcessEnv;
  /** The app's folder as --dir gives it; default: found from the working directory. */
  dir?: string;
  /** The profile to start with (--profile); default "default". */
  profile?: string;
}

/**
 * `lsec --profile NAME` names a profile that must exist (DESIGN §4): a typo would
 * otherwise open an empty profile and launch without secrets. The mappings screen's
 * "new profile" is how the TUI makes one. A project file that cannot be read is left
 * to the screens, which show why.
 */
function checkProfileExists(projectDir: string, profile: string): void {
  let project: ReturnType<typeof readProject>;
  try {
    project = readProject(projectDir);
  } catch {
    return;
  }
  if (!hasProfile(project, profile)) throw unknownProfileError(project, profile);
}

/** Runs the TUI to its end and returns the exit code (the child's, for a launch). */
export async function runTui({
  envPassphrase,
  env = process.env,
  dir,
  profile,
}: TuiOptions = {}): Promise<number> {
  // Settings are checked before the screen changes, so a mistake prints like any other.
  const home = lsecHome(env);
  const idle = autolockMs(env.LSEC_AUTOLOCK);
  const iterations = iterationsFrom(env.LSEC_ITERATIONS);
  const projectDir = findProjectDir(process.cwd(), dir);
  const badProfile = profile === undefined ? undefined : profileNameProblem(profile);
  if (badProfile) throw new UsageError(`--profile: ${badProfile}`);
  if (profile !== undefined) checkProfileExists(projectDir, profile);

  const release = guardTerminal();
  let outcome: Outcome;
  try {
    const app = render(
      <App
        home={home}
        autolockMs={idle}
        iterations={iterations}
        passphrase={envPassphrase}
        cloudEnv={cloudEnvOf(env)}
        projectDir={projectDir}
        profile={profile}
        env={env}
      />,
      { exitOnCtrlC: false },
    );
    outcome = (await app.waitUntilExit()) as Outcome;
  } catch (error) {
    release();
    const { message, hint, exitCode } = describeError(error);
    printError(message, hint);
    return exitCode;
  }
  release();

  if ('launch' in outcome) {
    const { runChild } = await import('./launch/spawn.js');
    const { bin, args, env: childEnv, cwd, notice } = outcome.launch;
    if (notice) note(notice);
    return runChild(bin, args, childEnv, cwd, { notFoundHint: INSTALL_HINT });
  }
  if (outcome.message) printError(outcome.message);
  return outcome.code;
}
