import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launcherName, resolveLauncher } from '../../src/launch/launcher.js';
import { RuntimeError } from '../../src/lib/errors.js';
import { findExecutable } from '../../src/lib/executable.js';

let root: string;
let first: string;
let second: string;

function put(dir: string, name: string, mode = 0o755): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n', { mode });
  return file;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lsec-launcher-'));
  first = path.join(root, 'first');
  second = path.join(root, 'second');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: [first, second].join(path.delimiter), ...extra };
}

describe('resolveLauncher', () => {
  it('prefers lightning_app over lightning, wherever each is on PATH', () => {
    put(first, 'lightning');
    const app = put(second, 'lightning_app');
    expect(resolveLauncher(env(), root)).toEqual({ name: 'lightning_app', path: app });
    expect(launcherName(env())).toBe('lightning_app');
  });

  it('falls back to lightning', () => {
    const bin = put(second, 'lightning');
    expect(resolveLauncher(env(), root)).toEqual({ name: 'lightning', path: bin });
    expect(launcherName(env())).toBe('lightning');
  });

  it('skips files that are not executable, and folders', () => {
    put(first, 'lightning_app', 0o644);
    fs.mkdirSync(path.join(second, 'lightning_app'));
    const bin = put(second, 'lightning');
    expect(resolveLauncher(env(), root).path).toBe(bin);
  });

  it('takes LSEC_LIGHTNING first, as a path or a name on PATH', () => {
    put(first, 'lightning_app');
    const custom = put(root, 'my-launcher');
    expect(resolveLauncher(env({ LSEC_LIGHTNING: custom }), root)).toEqual({
      name: custom,
      path: custom,
    });
    expect(resolveLauncher(env({ LSEC_LIGHTNING: './my-launcher' }), root).path).toBe(custom);
    const named = put(second, 'lightning-2.2');
    expect(resolveLauncher(env({ LSEC_LIGHTNING: 'lightning-2.2' }), root).path).toBe(named);
    expect(launcherName(env({ LSEC_LIGHTNING: 'lightning-2.2' }))).toBe('lightning-2.2');
  });

  it('fails with exit 1 and the install hint when nothing is found', () => {
    for (const e of [env(), env({ LSEC_LIGHTNING: path.join(root, 'missing') })]) {
      let error: unknown;
      try {
        resolveLauncher(e, root);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RuntimeError);
      expect((error as RuntimeError).exitCode).toBe(1);
      expect((error as RuntimeError).hint).toMatch(/pip install lightning/);
      expect((error as RuntimeError).hint).toMatch(/LSEC_LIGHTNING/);
    }
    expect(launcherName(env())).toBe('lightning');
  });

  it('does not run a file from the working directory through an empty PATH entry', () => {
    put(root, 'lightning');
    expect(findExecutable('lightning', { PATH: `:${first}` }, root)).toBeUndefined();
    expect(
      findExecutable('lightning', { PATH: `.${path.delimiter}${first}` }, root),
    ).toBeUndefined();
  });
});
