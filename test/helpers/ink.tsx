/**
 * Our render wrapper for Ink tests (ink.md §3, "Own render wrapper").
 *
 *   import { KEYS, renderInk } from '../helpers/ink.js';
 *
 *   const ui = renderInk(<Screen />, { columns: 80, rows: 24 });
 *   await ui.write('j');                    // one stdin chunk, then settle
 *   await ui.write(KEYS.down + KEYS.enter); // keys in ONE chunk (fast typing, paste)
 *   await ui.press(KEYS.down, KEYS.enter);  // the same keys as separate chunks
 *   expect(ui.lastFrame()).toContain('> second');
 *   await ui.waitFor('Saved');              // text, RegExp or (frame) => boolean
 *   await ui.waitUntilExit();               // resolves on useApp().exit(value)
 *
 * Why not ink-testing-library: it has no waitUntilExit, no rows, and its stdin is
 * always a TTY. Here stdout has `columns` (100), optional `rows` and `isTTY`
 * (false), stdin has `isTTY` (true) and a no-op setRawMode; pass
 * `{stdinIsTTY: false}` to test the piped-stdin path (pitfall I).
 *
 * Determinism: Ink commits after stdin data on later macrotasks and subscribes a
 * new useInput handler in a passive effect (pitfalls B, C, E, F), so write(),
 * press() and rerender() resolve only after several setImmediate turns; then the
 * frame is current and the next key reaches the current handler. Timers (a
 * spinner, an autolock) still need waitFor, which polls.
 *
 * Every harness is unmounted after each test (afterEach below).
 */
import { type Instance, render } from 'ink';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { preloadSettled } from '../../src/screens/registry.js';
import { FakeStdin, FakeStdout } from './ink-streams.js';

/** What a terminal sends for each key (Ink 6.8 parser). */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  ctrlC: '\u0003',
  tab: '\t',
} as const;

export interface InkOptions {
  /** stdout columns (default 100, like ink-testing-library). */
  columns?: number;
  /** stdout rows; unset by default, as with a pipe. */
  rows?: number;
  /** stdout.isTTY (default false). True also makes Ink write cursor show/hide. */
  stdoutIsTTY?: boolean;
  /** stdin.isTTY (default true). False: Ink reports no raw mode, as with a pipe. */
  stdinIsTTY?: boolean;
}

export interface InkHarness {
  /** The last frame Ink wrote ('' before the first). */
  lastFrame(): string;
  /** All frames, oldest first (debug mode writes each one in full). */
  frames: string[];
  stdout: FakeStdout;
  stderr: FakeStdout;
  stdin: FakeStdin;
  /** Writes one stdin chunk, then settles. */
  write(data: string): Promise<void>;
  /** Writes each argument as its own chunk, settling after each. */
  press(...chunks: string[]): Promise<void>;
  /** Lets pending commits and effects run. */
  settle(): Promise<void>;
  /** Polls until the frame contains `text`, matches, or passes; returns that frame. */
  waitFor(
    expected: string | RegExp | ((frame: string) => boolean),
    timeout?: number,
  ): Promise<string>;
  /** Resolves with exit(value), rejects with exit(error) or after `timeout` ms. */
  waitUntilExit(timeout?: number): Promise<unknown>;
  /** Changes the terminal size and emits 'resize', then settles. */
  resize(columns: number, rows?: number): Promise<void>;
  rerender(node: ReactNode): Promise<void>;
  unmount(): void;
}

const mounted = new Set<Instance>();

// Polling uses the real timers even while a test fakes them (time being its subject).
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;

/** Unmounts every harness still mounted; runs after each test. */
export function cleanupInk(): void {
  for (const instance of mounted) {
    instance.unmount();
    instance.cleanup();
  }
  mounted.clear();
}

// An App that was mounted may have started loading screens in the background: wait
// for that code to arrive, so no import outlives the test that started it.
afterEach(async () => {
  cleanupInk();
  await preloadSettled();
});

/** Ten turns of the event loop: enough for Ink's commit, passive effects and ESC flush. */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => realSetImmediate(resolve));
}

function matches(frame: string, expected: string | RegExp | ((frame: string) => boolean)) {
  if (typeof expected === 'string') return frame.includes(expected);
  if (expected instanceof RegExp) return expected.test(frame);
  return expected(frame);
}

export function renderInk(node: ReactNode, options: InkOptions = {}): InkHarness {
  const stdout = new FakeStdout(options.columns ?? 100, options.rows, options.stdoutIsTTY ?? false);
  const stderr = new FakeStdout(options.columns ?? 100, options.rows, false);
  const stdin = new FakeStdin(options.stdinIsTTY ?? true);
  const instance = render(node, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.add(instance);
  // Ink creates the exit promise lazily: an exit() before the first waitUntilExit()
  // call would otherwise never be seen. The catch keeps an unawaited rejection quiet.
  const exited = instance.waitUntilExit();
  exited.catch(() => {});

  const lastFrame = () => stdout.frames.at(-1) ?? '';
  const harness: InkHarness = {
    lastFrame,
    frames: stdout.frames,
    stdout,
    stderr,
    stdin,
    settle: () => settle(),
    async write(data) {
      stdin.write(data);
      await settle();
    },
    async press(...chunks) {
      for (const chunk of chunks) await harness.write(chunk);
    },
    async waitFor(expected, timeout = 10_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        await settle(3);
        const frame = lastFrame();
        if (matches(frame, expected)) return frame;
        if (Date.now() > deadline) {
          throw new Error(`waitFor(${String(expected)}) timed out; last frame:\n${frame}`);
        }
        await new Promise((resolve) => realSetTimeout(resolve, 10));
      }
    },
    waitUntilExit(timeout = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = realSetTimeout(() => reject(new Error(`no exit within ${timeout} ms`)), timeout);
      });
      return Promise.race([exited, late]).finally(() => realClearTimeout(timer));
    },
    async resize(columns, rows) {
      stdout.columns = columns;
      if (rows !== undefined) stdout.rows = rows;
      stdout.emit('resize');
      await settle();
    },
    async rerender(next) {
      instance.rerender(next);
      await settle();
    },
    unmount() {
      instance.unmount();
      instance.cleanup();
      mounted.delete(instance);
    },
  };
  return harness;
}
