// Copying a value to the clipboard and clearing it later, as `pass -c` does: the value
// goes to the platform tool on its stdin (never argv) and, when a terminal is attached,
// to the terminal as OSC 52 (which also reaches a local clipboard over SSH and through
// tmux). A detached clearer process empties the clipboard after LSEC_CLIP_TIME seconds
// (default 45) only if it still holds our value: it gets the value's SHA-256 and the
// tool names through a pipe, never the value, and never through argv or env.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { UsageError } from './errors.js';
import { findExecutable } from './executable.js';

export const DEFAULT_CLIP_SECONDS = 45;

interface Tool {
  name: string;
  copy: string[];
  paste: string[];
}

/** Seconds before the clipboard is cleared: LSEC_CLIP_TIME, else 45. */
export function clipSeconds(env: NodeJS.ProcessEnv): number {
  const text = env.LSEC_CLIP_TIME;
  if (text === undefined || text === '') return DEFAULT_CLIP_SECONDS;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) {
    throw new UsageError(
      `LSEC_CLIP_TIME must be a number of seconds from 0 to 3600, not "${text}"`,
      `unset it for the default (${DEFAULT_CLIP_SECONDS})`,
    );
  }
  return n;
}

/** The platform clipboard tool that can work here: the display decides which one. */
function findTool(env: NodeJS.ProcessEnv): Tool | undefined {
  const candidates: [boolean, string, string[], string, string[]][] = [
    [process.platform === 'darwin', 'pbcopy', [], 'pbpaste', []],
    [!!env.WAYLAND_DISPLAY, 'wl-copy', [], 'wl-paste', ['--no-newline']],
    [
      !!env.DISPLAY,
      'xclip',
      ['-selection', 'clipboard'],
      'xclip',
      ['-selection', 'clipboard', '-o'],
    ],
    [!!env.DISPLAY, 'xsel', ['--clipboard', '--input'], 'xsel', ['--clipboard', '--output']],
  ];
  for (const [usable, copyName, copyArgs, pasteName, pasteArgs] of candidates) {
    if (!usable) continue;
    const copy = findExecutable(copyName, env);
    const paste = findExecutable(pasteName, env);
    if (copy && paste)
      return { name: copyName, copy: [copy, ...copyArgs], paste: [paste, ...pasteArgs] };
  }
  return undefined;
}

/** Runs a clipboard tool with `input` on its stdin; resolves whether it exited 0. */
function feed(argv: string[], input: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    // stdout/stderr ignored: wl-copy and xclip fork a server that keeps them open.
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'ignore', 'ignore'], env });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export interface CopyResult {
  /** What carried the value: the tool's name and/or "OSC 52". */
  via: string[];
  seconds: number;
}

export interface CopyTarget {
  env: NodeJS.ProcessEnv;
  /** A terminal stream for OSC 52 (stderr or stdout when it is a TTY). */
  tty?: NodeJS.WriteStream;
}

/** Copies `value`; throws when no way to the clipboard exists. */
export async function copyToClipboard(value: string, target: CopyTarget): Promise<CopyResult> {
  const seconds = clipSeconds(target.env);
  const via: string[] = [];
  const tool = findTool(target.env);
  if (tool && (await feed(tool.copy, value, target.env))) via.push(tool.name);
  let ttyPath: string | undefined;
  if (target.tty) {
    target.tty.write(osc52(value));
    via.push('OSC 52');
    ttyPath = terminalPath(target.tty);
  }
  if (via.length === 0) {
    throw new UsageError(
      'no clipboard here: no terminal for OSC 52 and no wl-copy, xclip, xsel or pbcopy',
      'run it in a terminal, or install wl-clipboard (Wayland) or xclip (X11)',
    );
  }
  await startClearer({
    seconds,
    sha256: createHash('sha256').update(value, 'utf8').digest('hex'),
    tool: via.includes(tool?.name ?? '') ? tool : undefined,
    ttyPath,
    env: target.env,
  });
  return { via, seconds };
}

function osc52(value: string): string {
  return `\x1b]52;c;${Buffer.from(value, 'utf8').toString('base64')}\x07`;
}

/** The device path of a terminal stream, so the detached clearer can write to it. */
function terminalPath(stream: NodeJS.WriteStream): string | undefined {
  try {
    const fd = (stream as unknown as { fd?: number }).fd;
    const path = readlinkSync(`/proc/self/fd/${fd}`);
    return path.startsWith('/dev/') ? path : undefined;
  } catch {
    return undefined;
  }
}

// The clearer, run as `node -` with this program on its stdin: nothing in its argv or
// environment says what was copied. It checks the tool's clipboard against the hash
// and clears it only on a match; OSC 52 cannot be read back, so the terminal's
// clipboard is cleared when the tool's still matched, or when there is no tool.
const CLEARER = `
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const cfg = JSON.parse(CONFIG);
setTimeout(() => {
  let ours = true;
  if (cfg.tool) {
    const r = spawnSync(cfg.tool.paste[0], cfg.tool.paste.slice(1), { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    ours = r.status === 0 && createHash('sha256').update(r.stdout).digest('hex') === cfg.sha256;
    if (ours) spawnSync(cfg.tool.copy[0], cfg.tool.copy.slice(1), { input: '', stdio: ['pipe', 'ignore', 'ignore'], timeout: 5000 });
  }
  if (ours && cfg.ttyPath) {
    try {
      const fd = fs.openSync(cfg.ttyPath, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
      fs.writeSync(fd, '\\x1b]52;c;\\x07');
      fs.closeSync(fd);
    } catch {}
  }
}, cfg.seconds * 1000);
`;

interface ClearerConfig {
  seconds: number;
  sha256: string;
  tool: Tool | undefined;
  ttyPath: string | undefined;
  env: NodeJS.ProcessEnv;
}

function startClearer(c: ClearerConfig): Promise<void> {
  const config = { seconds: c.seconds, sha256: c.sha256, tool: c.tool, ttyPath: c.ttyPath };
  const program = `const CONFIG = ${JSON.stringify(JSON.stringify(config))};\n${CLEARER}`;
  // Detached (its own session): it outlives lsec and the terminal's hang-up.
  const child = spawn(process.execPath, ['-'], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: clearerEnv(c.env),
  });
  child.unref();
  // Resolved once the program is in the pipe, so lsec may exit right after.
  return new Promise((resolve) => {
    child.stdin.on('error', () => resolve());
    child.stdin.end(program, () => resolve());
  });
}

/** Only what the tools need to find the display; never LSEC_* or anything else. */
function clearerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR', 'XAUTHORITY'];
  return Object.fromEntries(keep.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
}
