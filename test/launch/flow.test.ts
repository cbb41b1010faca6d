// The launch room end to end, the way `lsec launch` strings it together:
// project file -> pre-flight -> launcher -> argv -> child env -> spawn.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childEnv } from '../../src/launch/child-env.js';
import { composeArgv, isCloud } from '../../src/launch/compose.js';
import { resolveLauncher } from '../../src/launch/launcher.js';
import { preflight } from '../../src/launch/preflight.js';
import { runChild } from '../../src/launch/spawn.js';
import { getProfile, readProject } from '../../src/store/project.js';
import { findProjectDir } from '../../src/store/project-dir.js';
import { setMapping, setPlainVar } from '../../src/store/project-edit.js';
import type { Profile } from '../../src/store/project-schema.js';
import { writeProfile } from '../../src/store/project-write.js';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsec-flow-'));
  fs.writeFileSync(path.join(dir, 'app.py'), '');
  let profile: Profile = { app: 'app.py', env: {}, secrets: {} };
  profile = setPlainVar(profile, 'FOO', 'bar');
  profile = setMapping(profile, 'MY_APP_SECRET', 'my-secret');
  writeProfile(dir, 'default', profile);
  fs.mkdirSync(path.join(dir, 'sub'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function launch(local: boolean) {
  const root = findProjectDir(path.join(dir, 'sub'));
  const profile = getProfile(readProject(root), 'default');
  const problems = preflight({
    profile,
    local,
    appExists: (app) => fs.existsSync(path.join(root, app)),
    vaultNames: new Set(['my-secret']),
  });
  expect(problems).toEqual([]);
  const log = path.join(dir, 'log.jsonl');
  const parent = {
    PATH: process.env.PATH,
    LSEC_LIGHTNING: FAKE_LIGHTNING,
    LSEC_PASSPHRASE: 'pass-phrase',
    FAKE_LIGHTNING_LOG: log,
  };
  const launcher = resolveLauncher(parent, root);
  const argv = composeArgv(profile, { bin: launcher.name, local, extra: ['--open-ui', 'false'] });
  const env = childEnv({
    parent,
    plain: profile.env,
    values: { MY_APP_SECRET: 'the-value' },
    local: !isCloud(profile, local),
  });
  const code = await runChild(launcher.path, argv.slice(1), env, root);
  const [seen] = fakeLaunches(log);
  return { code, seen };
}

describe('launch flow', () => {
  it('cloud: names on argv, no value anywhere', async () => {
    const { code, seen } = await launch(false);
    expect(code).toBe(0);
    expect(seen?.argv).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--env',
      'FOO=bar',
      '--secret',
      'MY_APP_SECRET=my-secret',
      '--open-ui',
      'false',
    ]);
    expect(seen?.env.LSEC_PASSPHRASE).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('the-value');
  });

  it('local: no --secret, the value in the environment', async () => {
    const { code, seen } = await launch(true);
    expect(code).toBe(0);
    expect(seen?.argv).toEqual(['run', 'app', 'app.py', '--env', 'FOO=bar', '--open-ui', 'false']);
    expect(seen?.env.MY_APP_SECRET).toBe('the-value');
    expect(seen?.env.FOO).toBe('bar');
    expect(seen?.env.LSEC_PASSPHRASE).toBeUndefined();
  });
});
