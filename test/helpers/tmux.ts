/**
 * Drives a real terminal: a private tmux server (its own socket file), one fixed-size
 * window running a shell script, the screen read back with `capture-pane -p`.
 *
 *   const term = await openTerminal({ command: ['node', lsecBin()], env: { LSEC_HOME: home } });
 *   await term.waitFor('Passphrase');     // polls the screen until it shows it, unchanged twice
 *   term.type('correct horse battery');   // literal text
 *   term.keys('Enter');                   // tmux key names: Enter, Escape, C-c, Down…
 *   expect(await term.exitCode()).toBe(0);
 *   term.close();                         // kills the server (also done after each test)
 *
 * For several commands in one terminal (prompts, what stays in the scrollback) use
 * openShell(): each `run` step's waits read only what came after that step began.
 *
 * The script echoes MARKER before the command and writes the command's exit status
 * to a file afterwards, then sleeps, so a test can check that the terminal came back
 * from the alternate screen (the marker is visible again) and with which code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './cli.js';

export const MARKER = 'MARKER-BEFORE-LSEC';

export interface TerminalOptions {
  /** argv of the program; run without a shell in between (exec). */
  command: string[];
  /** Variables for the program (added to a minimal environment). */
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
  cwd?: string;
}

export interface Terminal {
  readonly columns: number;
  rows: number;
  /** The visible screen, one string per row (rows lines; trailing spaces trimmed). */
  screen(): string[];
  /** The visible screen as one string; `escapes` keeps colour and style sequences. */
  capture(options?: { escapes?: boolean }): string;
  /** Types literal text. */
  type(text: string): void;
  /** Presses tmux-named keys (Enter, Escape, C-c, Down, PageDown…). */
  keys(...names: string[]): void;
  /** Pastes text as a terminal does: bracketed (ESC[200~ … ESC[201~) when the program
   * turned bracketed paste on, else as plain typed bytes. */
  paste(text: string): void;
  /** The pane's title, which a program may set with OSC 0/2. */
  title(): string;
  /** A tmux format of the pane, e.g. '#{mouse_sgr_flag}' (the modes the program set). */
  format(format: string): string;
  /** Polls until the screen contains `expected` (or passes), then settles; returns it. */
  waitFor(
    expected: string | RegExp | ((screen: string) => boolean),
    timeoutMs?: number,
  ): Promise<string>;
  /** The program's exit status, once it has ended. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** The pid of the program (it replaces the shell that wrote it). */
  pid(): number;
  resize(columns: number, rows: number): Promise<void>;
  /** Runs a tmux command on this terminal's server (e.g. show-buffer); returns stdout. */
  tmux(...args: string[]): string;
  close(): void;
}

const open = new Set<Terminal>();
const shells = new Set<{ close(): void }>();
afterEach(() => {
  for (const term of open) term.close();
  open.clear();
  for (const shell of shells) shell.close();
  shells.clear();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Ends a private tmux server once; a second call, or a server already gone, is fine. */
function closer(tmux: (...args: string[]) => string): () => void {
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    try {
      tmux('kill-server');
    } catch {
      // Already gone.
    }
  };
}

function matches(screen: string, expected: string | RegExp | ((screen: string) => boolean)) {
  if (typeof expected === 'string') return screen.includes(expected);
  if (expected instanceof RegExp) return expected.test(screen);
  return expected(screen);
}

/** Starts a tmux server with one window running `command`. */
export async function openTerminal(options: TerminalOptions): Promise<Terminal> {
  const dir = tempDir('lsec-tmux-');
  // A socket of its own, inside the test's temp folder so it goes away with it.
  const socket = join(dir, 'tmux.sock');
  const columns = options.columns ?? 100;
  const rows = options.rows ?? 30;
  const statusFile = join(dir, 'status');
  const pidFile = join(dir, 'pid');
  const script = join(dir, 'run.sh');
  const exports = Object.entries(options.env ?? {})
    .map(([k, v]) => `export ${k}=${quote(v)}\n`)
    .join('');
  writeFileSync(
    script,
    `${exports}cd ${quote(options.cwd ?? dir)}\necho ${MARKER}\n` +
      `sh -c 'echo $$ > "$0"; exec "$@"' ${quote(pidFile)} ${options.command.map(quote).join(' ')}\n` +
      `echo $? > ${quote(statusFile)}\nexec sleep 600\n`,
  );
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    LANG: 'C.UTF-8',
  };
  execFileSync(
    'tmux',
    [
      '-S',
      socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(columns),
      '-y',
      String(rows),
      `sh ${quote(script)}`,
    ],
    { env: { ...env, TERM: 'xterm-256color' } },
  );
  const term: Terminal = {
    columns,
    rows,
    screen: () => term.capture().split('\n').slice(0, term.rows),
    capture: (options = {}) =>
      tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : [])).replace(/[ \t]+$/gm, ''),
    type: (text) => void tmux('send-keys', '-l', text),
    keys: (...names) => void tmux('send-keys', ...names),
    format: (format) => tmux('display-message', '-p', format).trim(),
    paste(text) {
      execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'load-buffer', '-b', 'lsec', '-'], {
        input: text,
      });
      tmux('paste-buffer', '-p', '-d', '-b', 'lsec');
    },
    title: () => tmux('display-message', '-p', '#{pane_title}').trim(),
    async waitFor(expected, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const screen = term.capture();
        if (matches(screen, expected)) {
          // A screen is drawn before its key handler is attached (ink.md pitfall E), in
          // a later turn of the program's event loop. Wait for a state, not a time: the
          // same screen on the next poll means the program got past the drawing turn.
          let settled = screen;
          for (;;) {
            await sleep(50);
            const again = term.capture();
            if (again === settled) return again;
            if (!matches(again, expected)) break;
            settled = again;
          }
          continue;
        }
        if (Date.now() > deadline) {
          throw new Error(`the terminal never showed ${String(expected)}; it shows:\n${screen}`);
        }
        await sleep(50);
      }
    },
    async exitCode(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!existsSync(statusFile) || readFileSync(statusFile, 'utf8').trim() === '') {
        if (Date.now() > deadline)
          throw new Error(`no exit within ${timeoutMs} ms:\n${term.capture()}`);
        await sleep(50);
      }
      return Number(readFileSync(statusFile, 'utf8').trim());
    },
    pid: () => Number(readFileSync(pidFile, 'utf8').trim()),
    tmux,
    async resize(newColumns, newRows) {
      tmux('resize-window', '-x', String(newColumns), '-y', String(newRows));
      term.rows = newRows;
      // The program redraws on SIGWINCH; callers wait for the new screen they expect.
      while (
        tmux('display-message', '-p', '#{pane_width}x#{pane_height}').trim() !==
        `${newColumns}x${newRows}`
      ) {
        await sleep(50);
      }
    },
    close: closer(tmux),
  };
  open.add(term);
  return term;
}

/** The screen's lines up to the last non-empty one: what the program drew. */
export function drawnLines(screen: string): string[] {
  const lines = screen.split('\n');
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines;
}

/** One command run in a shell opened by openShell. */
export interface ShellStep {
  /** Polls the pane after this step's own start line until it matches; returns that part. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The command's exit status and what the step printed. */
  exitCode(timeoutMs?: number): Promise<{ code: number; text: string }>;
}

export interface Shell {
  /** Types `command` and Enter at the shell prompt. */
  run(command: string): ShellStep;
  /** Types literal text. */
  type(text: string): void;
  /** Presses tmux-named keys, all in one write (Enter, C-c, C-d…). */
  keys(...names: string[]): void;
  /** Everything the pane has shown, scrollback included. */
  scrollback(): string;
  close(): void;
}

/**
 * An interactive `sh` in a private tmux server, for commands run one after another in
 * one terminal (prompts, Ctrl-C, what stays in the scrollback). Each step prints a
 * line only it prints before its command, and its waits read the pane after that line
 * only: a prompt a previous command left on screen can never match early (typing
 * before a hidden prompt mutes the terminal would echo the passphrase, and a Ctrl-C
 * sent early would land in the shell instead of the command).
 */
export async function openShell(options: { env?: Record<string, string> } = {}): Promise<Shell> {
  const dir = tempDir('lsec-tmux-');
  const socket = join(dir, 'tmux.sock');
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...options.env };
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env });
  tmux('new-session', '-d', '-s', 'main', '-x', '100', '-y', '30', 'sh');
  // The scrollback is never cleared after this: a final check can read all of it.
  tmux('send-keys', '-t', 'main', "PS1='$ '; clear", 'Enter');
  let steps = 0;
  const shell: Shell = {
    run(command) {
      const id = ++steps;
      // The command line shows `step-%s` and `$?`; only the output reads `step-N` / `done-N=…`.
      tmux(
        'send-keys',
        '-t',
        'main',
        '-l',
        `printf 'step-%s\\n' ${id}; ${command}; echo "done-${id}=$?"`,
      );
      tmux('send-keys', '-t', 'main', 'Enter');
      const marker = `\nstep-${id}\n`;
      const fresh = () => {
        const all = shell.scrollback();
        const at = all.lastIndexOf(marker);
        return at === -1 ? '' : all.slice(at + marker.length);
      };
      const waitFor = async (pattern: RegExp, timeoutMs = 10_000) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const text = fresh();
          if (pattern.test(text)) return text;
          if (Date.now() > deadline) {
            throw new Error(`step ${id} never showed ${pattern}; it shows:\n${text}`);
          }
          await sleep(50);
        }
      };
      const done = new RegExp(`^done-${id}=(\\d+)$`, 'm');
      return {
        waitFor,
        async exitCode(timeoutMs) {
          const text = await waitFor(done, timeoutMs);
          return { code: Number(done.exec(text)?.[1]), text };
        },
      };
    },
    type: (text) => void tmux('send-keys', '-t', 'main', '-l', text),
    keys: (...names) => void tmux('send-keys', '-t', 'main', ...names),
    scrollback: () => tmux('capture-pane', '-p', '-S', '-'),
    close: closer(tmux),
  };
  shells.add(shell);
  return shell;
}
