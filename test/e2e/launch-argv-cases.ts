// Issue 10 §3, case by case: a profile and a command line, the argv lsec would spawn
// (without the launcher), what lsec must say, and whether click (the fake of that
// release, test/fixtures/fake-lightning.py) refuses the argv too. Shared by the test
// and by nothing else: each case is one row.
import type { FakeRelease } from '../helpers/click-lightning.js';

export interface ArgvCase {
  what: string;
  release: FakeRelease;
  /** `lightning_app` for 2.2.5 (its `lightning` has no run app). */
  script?: string;
  profile: Record<string, unknown>;
  /** lsec launch arguments. */
  args: string[];
  /** The words lsec would hand the launcher. */
  argv: string[];
  /** In lsec's message; undefined: lsec launches it. */
  lsec?: string;
  /** Whether the click fake refuses the argv; and, when it does, a piece of its answer. */
  click: 'accepts' | { refuses: string };
}

const app = { app: 'app.py', env: {}, secrets: {} };

export const CASES: ArgvCase[] = [
  {
    what: '--no-cache on a local run (--local -- --no-cache)',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--no-cache'],
    argv: ['run', 'app', 'app.py', '--no-cache'],
    lsec: '--no-cache works only in the cloud, and this is a local run',
    click: { refuses: 'Using the flag --no-cache in local execution is not supported' },
  },
  {
    what: '--secret on a local run (--local -- --secret K=v)',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--secret', 'K=v'],
    argv: ['run', 'app', 'app.py', '--secret', 'K=v'],
    lsec: '--secret works only in the cloud, and this is a local run',
    click: { refuses: 'Secrets can only be used for apps running in cloud' },
  },
  {
    what: 'an extra positional argument',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', 'other.py'],
    argv: ['run', 'app', 'app.py', 'other.py'],
    lsec: 'Got unexpected extra argument (other.py)',
    click: { refuses: 'Got unexpected extra argument (other.py)' },
  },
  {
    what: '-- --env FOO=x when the profile sets FOO',
    release: '1.9.5',
    profile: { ...app, env: { FOO: 'bar' } },
    args: ['--local', '--', '--env', 'FOO=x'],
    argv: ['run', 'app', 'app.py', '--env', 'FOO=bar', '--env', 'FOO=x'],
    lsec: "Environment variable 'FOO' is duplicated",
    click: { refuses: "Environment variable 'FOO' is duplicated" },
  },
  {
    what: '-- --env X=a=b',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--env', 'X=a=b'],
    argv: ['run', 'app', 'app.py', '--env', 'X=a=b'],
    lsec: 'Invalid format of environment variable X=a=b',
    click: { refuses: 'Invalid format of environment variable X=a=b' },
  },
  {
    what: '--cluster-id on a local run (1.9)',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--cluster-id', 'c1'],
    argv: ['run', 'app', 'app.py', '--cluster-id', 'c1'],
    lsec: 'Using the flag --cluster-id in local execution is not supported',
    click: { refuses: 'Using the flag --cluster-id in local execution is not supported' },
  },
  {
    what: '--cluster-id in 2.x (gone)',
    release: '2.2.5',
    script: 'lightning_app',
    profile: app,
    args: ['--local', '--', '--cluster-id', 'c1'],
    argv: ['run', 'app', 'app.py', '--cluster-id', 'c1'],
    lsec: '--cluster-id is not an option of run app in Lightning 2.2.5 (it exists only in 1.8 and 1.9)',
    click: { refuses: "No such option '--cluster-id'" },
  },
  {
    what: '--setup on 1.8',
    release: '1.8.0',
    profile: app,
    args: ['--local', '--', '--setup'],
    argv: ['run', 'app', 'app.py', '--setup'],
    lsec: '--setup is not an option of run app in Lightning 1.8.0 (it exists from 1.9)',
    click: { refuses: "No such option '--setup'" },
  },
  {
    what: 'args ["--name"] swallowing the next --env',
    release: '1.9.5',
    profile: { ...app, args: ['--name'], env: { FOO: 'bar' } },
    args: ['--local'],
    argv: ['run', 'app', 'app.py', '--name', '--env', 'FOO=bar'],
    lsec: '--name needs a value, so click would take the next word, --env, as its value',
    click: { refuses: 'Got unexpected extra argument (FOO=bar)' },
  },
  {
    what: 'args ["--open-ui"] before --env',
    release: '1.9.5',
    profile: { ...app, args: ['--open-ui'], env: { FOO: 'bar' } },
    args: ['--local'],
    argv: ['run', 'app', 'app.py', '--open-ui', '--env', 'FOO=bar'],
    lsec: "Invalid value for '--open-ui': '--env' is not a valid boolean.",
    click: { refuses: "'--env' is not a valid boolean" },
  },
  {
    what: 'a non-boolean --blocking value',
    release: '2.2.5',
    script: 'lightning_app',
    profile: { ...app, args: ['--blocking', 'maybe'] },
    args: ['--local'],
    argv: ['run', 'app', 'app.py', '--blocking', 'maybe'],
    lsec: "Invalid value for '--blocking': 'maybe' is not a valid boolean.",
    click: { refuses: "'maybe' is not a valid boolean" },
  },
  {
    what: 'an option missing its value at the end',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--name'],
    argv: ['run', 'app', 'app.py', '--name'],
    lsec: "Option '--name' requires an argument.",
    click: { refuses: "Option '--name' requires an argument" },
  },
  {
    what: 'an unknown option',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--frobnicate'],
    argv: ['run', 'app', 'app.py', '--frobnicate'],
    lsec: 'No such option: --frobnicate',
    click: { refuses: "No such option '--frobnicate'" },
  },
  {
    what: 'a flag given a value in --opt=value form',
    release: '1.9.5',
    profile: app,
    args: ['--local', '--', '--without-server=yes'],
    argv: ['run', 'app', 'app.py', '--without-server=yes'],
    lsec: "Option '--without-server' does not take a value.",
    click: { refuses: "Option '--without-server' does not take a value" },
  },
  {
    what: 'the same --secret key from the profile and after --',
    release: '1.9.5',
    profile: { ...app, secrets: { API: 'api-key' } },
    args: ['--no-verify', '--', '--secret', 'API=other'],
    argv: ['run', 'app', 'app.py', '--cloud', '--secret', 'API=api-key', '--secret', 'API=other'],
    lsec: "Environment variable 'API' is duplicated",
    click: { refuses: "Environment variable 'API' is duplicated" },
  },
  {
    what: '--enable-basic-auth without USER:PASSWORD',
    release: '1.9.5',
    profile: { ...app, args: ['--enable-basic-auth', 'user'] },
    args: ['--local'],
    argv: ['run', 'app', 'app.py', '--enable-basic-auth', 'user'],
    lsec: '--enable-basic-auth needs USER:PASSWORD',
    click: { refuses: 'Invalid format for --enable-basic-auth' },
  },
  {
    what: '--enable-basic-auth on 1.8 (added in 1.9)',
    release: '1.8.0',
    profile: { ...app, args: ['--enable-basic-auth', 'u:p'] },
    args: ['--local'],
    argv: ['run', 'app', 'app.py', '--enable-basic-auth', 'u:p'],
    lsec: '--enable-basic-auth is not an option of run app in Lightning 1.8.0',
    click: { refuses: "No such option '--enable-basic-auth'" },
  },
  // Argvs click accepts, which lsec must launch as they are.
  {
    what: 'booleans in click spellings, --opt=value, --setup (1.9)',
    release: '1.9.5',
    profile: { ...app, args: ['--open-ui', 'OFF', '--blocking=Yes', '-s'] },
    args: ['--local', '--', '--name=my-app', '--app_args', 'x y'],
    argv: [
      'run',
      'app',
      'app.py',
      '--open-ui',
      'OFF',
      '--blocking=Yes',
      '-s',
      '--name=my-app',
      '--app_args',
      'x y',
    ],
    click: 'accepts',
  },
  {
    what: '--cluster-id in the cloud on 1.8',
    release: '1.8.0',
    profile: { ...app, args: ['--cluster-id', 'c1', '--open-ui', 'false'] },
    args: [],
    argv: ['run', 'app', 'app.py', '--cloud', '--cluster-id', 'c1', '--open-ui', 'false'],
    click: 'accepts',
  },
  {
    what: 'cloud run on 2.2.5 (lightning_app) with env and secret',
    release: '2.2.5',
    script: 'lightning_app',
    profile: { ...app, env: { FOO: '' }, secrets: { API: 'api-key' }, args: ['--setup'] },
    args: ['--no-verify', '--', '--no-cache'],
    argv: [
      'run',
      'app',
      'app.py',
      '--cloud',
      '--setup',
      '--env',
      'FOO=',
      '--secret',
      'API=api-key',
      '--no-cache',
    ],
    click: 'accepts',
  },
];
