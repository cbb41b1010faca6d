// The whole launch argv, parsed the way click parses it with the installed release's
// option table, then put through the checks Lightning runs before any cloud call
// (reference lightning.md §3, §4, §9; lightning-today.md §c). Each problem says what
// Lightning would answer and the fix. Pure: the caller gives the argv and the table.
import {
  type ArgvCheckInput,
  type ArgvProblem,
  fixFor,
  type Origin,
  type Parsed,
  parse,
  where,
} from './argv-parse.js';

/** Lightning's `_format_input_env_variables` on one group (every "=" splits). */
function appPairs(
  option: '--env' | '--secret',
  items: readonly Parsed[],
  problems: ArgvProblem[],
): Map<string, Origin[]> {
  const keys = new Map<string, Origin[]>();
  for (const item of items) {
    const value = item.value!;
    const parts = value.split('=');
    // Problems in lsec's own words are reported by the profile checks.
    const own = item.origin === 'lsec';
    if (parts.length !== 2 || parts[0] === '') {
      if (!own) {
        problems.push({
          subject: value,
          message: `${option} ${value} is not KEY=VALUE with exactly one "=" (${where(item.origin)}); Lightning would answer: Invalid format of environment variable ${value}, please ensure that the variable is in the format e.g. foo=bar.`,
          fix:
            option === '--env'
              ? 'a value holding "=" cannot be passed with --env: store it as a secret (lsec add NAME) and map it (lsec map KEY=NAME)'
              : `write ${option} ENV=secret-name with no other "="`,
        });
      }
      continue;
    }
    const key = parts[0]!;
    if (!own && !/^[0-9a-zA-Z_]/.test(key)) {
      problems.push({
        subject: key,
        message: `${option} ${key}=… has an invalid name (${where(item.origin)}); Lightning would answer: Environment variable '${key}' is not a valid name.`,
        fix: 'use letters, digits and "_" only, starting with a letter or "_"',
      });
    }
    keys.set(key, [...(keys.get(key) ?? []), item.origin]);
  }
  return keys;
}

function duplicates(
  option: string,
  keys: Map<string, Origin[]>,
  answer: (key: string) => string,
  problems: ArgvProblem[],
) {
  for (const [key, from] of keys) {
    if (from.length < 2 || from.every((o) => o === 'lsec')) continue;
    const origin = from.find((o) => o !== 'lsec')!;
    problems.push({
      subject: key,
      message: `${key} is given ${from.length} times with ${option} (${from.map(where).join(', ')}); ${answer(key)}`,
      fix: `${fixFor(origin, `${option} ${key}=…`)} so it is given once`,
    });
  }
}

function runAppProblems(
  input: ArgvCheckInput,
  options: Parsed[],
  positionals: { word: string; origin: Origin }[],
  problems: ArgvProblem[],
) {
  const extra = positionals.slice(1);
  if (extra.length > 0) {
    const list = extra.map((p) => p.word).join(' ');
    problems.push({
      subject: list,
      message: `run app takes one FILE; ${list} would be extra (${where(extra[0]!.origin)}); Lightning would answer: Got unexpected extra argument${extra.length > 1 ? 's' : ''} (${list})`,
      fix: `${fixFor(extra[0]!.origin, list)}; app arguments go through --app_args`,
    });
  }
  const cloud = options.some((o) => o.name === '--cloud');
  if (cloud && input.local) {
    const o = options.find((x) => x.name === '--cloud')!;
    problems.push({
      subject: '--cloud',
      message: `--cloud is in ${where(o.origin)}, but this is a local run: secret values would go into a cloud launch's environment`,
      fix: `${fixFor(o.origin, '--cloud')}; to launch in the cloud drop --local (or set "cloud": true)`,
    });
  }
  if (!cloud) {
    const localRefusals: [string, string][] = [
      [
        '--no-cache',
        'Caching is a property of apps running in cloud. Using the flag --no-cache in local execution is not supported.',
      ],
      [
        '--secret',
        'Secrets can only be used for apps running in cloud. Using the option --secret in local execution is not supported.',
      ],
    ];
    if (input.appRelease === '1.9') {
      localRefusals.unshift([
        '--cluster-id',
        'Using the flag --cluster-id in local execution is not supported.',
      ]);
    }
    for (const [name, answer] of localRefusals) {
      const o = options.find((x) => x.name === name && x.origin !== 'lsec');
      if (!o) continue;
      problems.push({
        subject: name,
        message: `${name} works only in the cloud, and this is a local run (${where(o.origin)}); Lightning would answer: ${answer}`,
        fix:
          name === '--secret'
            ? 'map the secret instead (lsec map ENV=NAME): a local run gets its value in the environment'
            : fixFor(o.origin, name),
      });
    }
  }
  const envs = appPairs(
    '--env',
    options.filter((o) => o.name === '--env'),
    problems,
  );
  const secrets = appPairs(
    '--secret',
    options.filter((o) => o.name === '--secret'),
    problems,
  );
  const dupAnswer = (key: string) =>
    `Lightning would answer: Environment variable '${key}' is duplicated. Please only include it once.`;
  duplicates('--env', envs, dupAnswer, problems);
  duplicates('--secret', secrets, dupAnswer, problems);
  for (const [key, from] of envs) {
    const other = secrets.get(key);
    if (!other || [...from, ...other].every((o) => o === 'lsec')) continue;
    problems.push({
      subject: key,
      message: `${key} is set by both --env and --secret; Lightning does not catch it and the cloud keeps one of them`,
      fix: 'give it once: drop the --env or the --secret',
    });
  }
  for (const o of options.filter((x) => x.name === '--enable-basic-auth')) {
    const parts = o.value!.split(':');
    if (parts.length !== 2 || parts.some((p) => p === '')) {
      problems.push({
        subject: '--enable-basic-auth',
        message: `--enable-basic-auth needs USER:PASSWORD with exactly one ":" and both parts set (${where(o.origin)}); Lightning would raise a ValueError`,
        fix: 'write --enable-basic-auth user:password',
      });
    }
  }
}

function deploymentProblems(
  input: ArgvCheckInput,
  options: Parsed[],
  positionals: { word: string; origin: Origin }[],
  problems: ArgvProblem[],
) {
  const create = input.command === 'deployment create';
  const extra = positionals.slice(1);
  if (extra.length > 0) {
    const list = extra.map((p) => p.word).join(' ');
    problems.push({
      subject: list,
      message: `${input.command} takes one NAME; ${list} would be extra (${where(extra[0]!.origin)}); Lightning would answer: Got unexpected extra argument (${list})`,
      fix: fixFor(extra[0]!.origin, list),
    });
  }
  const has = (name: string) => options.some((o) => o.name === name);
  const usage = (message: string, fix: string) =>
    problems.push({ subject: input.command, message: `Lightning would answer: ${message}`, fix });
  if (create) {
    const sources = ['--image', '--studio', '--model'].filter(has);
    if (sources.length !== 1) {
      usage(
        'Exactly one of --image, --studio, or --model is required.',
        `put exactly one of them in the profile's args (now: ${sources.length === 0 ? 'none' : sources.join(', ')})`,
      );
    }
    if (!has('--model') && ['--ack', '--force', '--dry-run'].some(has)) {
      usage(
        '--ack, --force, and --dry-run are only supported with --model.',
        'drop them, or deploy a --model',
      );
    }
    if (!has('--model') && !has('--port')) {
      usage(
        '--port is required.',
        "add --port N to the profile's args (the port the server listens on)",
      );
    }
  }
  for (const o of options.filter((x) => x.name === '--env' || x.name === '-e')) {
    const value = o.value!;
    if (o.origin !== 'lsec' && !value.includes('=') && !value.trim().startsWith('{')) {
      problems.push({
        subject: value,
        message: `--env ${value} has no "=" (${where(o.origin)}); Lightning would answer: Env ${value} cannot be parsed as environment variable`,
        fix: 'write --env KEY=VALUE',
      });
    }
  }
  const envKeys = new Map<string, Origin[]>();
  for (const o of options.filter((x) => ['--env', '-e', '--secret'].includes(x.name))) {
    const value = o.value!;
    const eq = value.indexOf('=');
    const key = eq > 0 ? value.slice(0, eq) : value;
    envKeys.set(key, [...(envKeys.get(key) ?? []), o.origin]);
  }
  duplicates('--env/--secret', envKeys, () => 'the deployment would get one of them', problems);
}

export function checkArgv(input: ArgvCheckInput): ArgvProblem[] {
  const problems: ArgvProblem[] = [];
  const { options, positionals } = parse(input, problems);
  if (input.command === 'run app') runAppProblems(input, options, positionals, problems);
  else deploymentProblems(input, options, positionals, problems);
  return problems;
}
