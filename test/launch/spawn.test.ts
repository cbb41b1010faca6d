import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitStatus, runChild } from '../../src/launch/spawn.js';
import { RuntimeError } from '../../src/lib/errors.js';
import {
  FAKE_LIGHTNING,
  fakeLaunches,
  fakeReady,
  fakeSignalled,
  fakeSignals,
} from '../fixtures/fake-lightning-log.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let dir: string;
let log: string;
let listenersBefore: number[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsec-spawn-'));
  log = path.join(dir, 'log.jsonl');
  listenersBefore = SIGNALS.map((s) => process.listenerCount(s));
});

afterEach(() => {
  // Our handlers must be gone, or the next signal would be swallowed.
  expect(SIGNALS.map((s) => process.listenerCount(s))).toEqual(listenersBefore);
  fs.rmSync(dir, { recursive: true, force: true });
});

function fakeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, FAKE_LIGHTNING_LOG: log, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<RuntimeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeError);
  return error as RuntimeError;
}

describe('runChild', () => {
  it('passes argv, cwd and env through untouched, with no shell', async () => {
    const args = ['run', 'app', 'my app.py', '$(touch pwned)', '`id`', "it's", ''];
    const code = await runChild(FAKE_LIGHTNING, args, fakeEnv({ MARK: 'x y' }), dir);
    expect(code).toBe(0);
    const [launch] = fakeLaunches(log);
    expect(launch?.argv).toEqual(args);
    expect(fs.realpathSync(launch?.cwd ?? '')).toBe(fs.realpathSync(dir));
    expect(launch?.env.MARK).toBe('x y');
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  it.each([0, 1, 2, 7, 255])('passes exit code %i through', async (exit) => {
    const code = await runChild(
      FAKE_LIGHTNING,
      [],
      fakeEnv({ FAKE_LIGHTNING_EXIT: `${exit}` }),
      dir,
    );
    expect(code).toBe(exit);
  });

  it('forwards SIGTERM once, waits for the child and gives 128+15', async () => {
    // The child lingers long enough that the second SIGTERM meets it still running.
    const env = fakeEnv({ FAKE_LIGHTNING_WAIT: '1', FAKE_LIGHTNING_LINGER: '2000' });
    const running = runChild(FAKE_LIGHTNING, [], env, dir, {
      terminalSendsInterrupt: false,
    });
    await fakeReady(log);
    process.kill(process.pid, 'SIGTERM');
    // The second comes once the first has reached the child, which is still lingering.
    await fakeSignalled(log, 1);
    process.kill(process.pid, 'SIGTERM');
    expect(await running).toBe(143);
    expect(fakeSignals(log)).toEqual(['SIGTERM']);
  });

  it('forwards SIGHUP (129) and, without a terminal, SIGINT (130)', async () => {
    for (const [signal, expected] of [
      ['SIGHUP', 129],
      ['SIGINT', 130],
    ] as const) {
      fs.rmSync(log, { force: true });
      const running = runChild(FAKE_LIGHTNING, [], fakeEnv({ FAKE_LIGHTNING_WAIT: '1' }), dir, {
        terminalSendsInterrupt: false,
      });
      await fakeReady(log);
      process.kill(process.pid, signal);
      expect(await running).toBe(expected);
      expect(fakeSignals(log)).toEqual([signal]);
    }
  });

  it('leaves SIGINT to the terminal, which already sent it to the child', async () => {
    const running = runChild(FAKE_LIGHTNING, [], fakeEnv({ FAKE_LIGHTNING_WAIT: '1' }), dir, {
      terminalSendsInterrupt: true,
    });
    await fakeReady(log);
    // A forwarded SIGINT would reach the child before this SIGTERM and be logged too.
    process.kill(process.pid, 'SIGINT');
    process.kill(process.pid, 'SIGTERM');
    expect(await running).toBe(143);
    expect(fakeSignals(log)).toEqual(['SIGTERM']);
  });

  it('reports a missing executable as a runtime error naming it', async () => {
    const missing = path.join(dir, 'no-such-lightning');
    const error = await failure(runChild(missing, [], fakeEnv(), dir));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(`cannot run ${missing}: no such executable`);
    const hinted = await failure(
      runChild('no-such-lightning-xyz', [], fakeEnv(), dir, { notFoundHint: 'pip install it' }),
    );
    expect(hinted.hint).toBe('pip install it');
  });

  it('reports a file that is not executable', async () => {
    const file = path.join(dir, 'not-executable');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    const error = await failure(runChild(file, [], fakeEnv(), dir));
    expect(error.message).toBe(`cannot run ${file}: permission denied`);
    expect(error.hint).toMatch(/chmod \+x/);
  });

  it('reports a missing working folder instead of blaming the executable', async () => {
    const error = await failure(runChild(FAKE_LIGHTNING, [], fakeEnv(), path.join(dir, 'gone')));
    expect(error.message).toMatch(/the folder .*gone does not exist/);
  });
});

describe('exitStatus', () => {
  it('maps signals to 128+N', () => {
    expect(exitStatus(3, null)).toBe(3);
    expect(exitStatus(null, 'SIGINT')).toBe(130);
    expect(exitStatus(null, 'SIGKILL')).toBe(137);
  });
});
