// One launch, planned: the argv Lightning would get and every problem that would
// stop it. Shared by `lsec show`, `lsec launch` and the TUI's launch screen, so the
// preview and the real launch can never disagree.
import { isAbsolute, join } from 'node:path';
import { isFile } from '../lib/fs.js';
import type { Profile } from '../store/project-schema.js';
import { checkArgv } from './argv-check.js';
import { compose, isCloud } from './compose.js';
import { deploymentTable, runAppTable } from './options.js';
import { type Problem, preflight } from './preflight.js';
import type { InstalledCli } from './release.js';

export interface LaunchPlanInput {
  dir: string;
  profile: Profile;
  bin: string;
  local?: boolean;
  extra?: readonly string[];
  vaultNames: ReadonlySet<string>;
  /** Names in the cloud project when they were listed; undefined when unknown. */
  cloudNames?: ReadonlySet<string>;
  /** --no-verify: in cloud mode, do not check that mapped secrets exist anywhere. */
  noVerify?: boolean;
  /** The installed CLI (detectCli); undefined: not told, every release's common options. */
  cli?: InstalledCli;
  /** Why there is no launcher, when there is none (a problem for show and --dry-run too). */
  launcherProblem?: { message: string; fix: string };
  /** For a deployment: `update` when it is known to exist. */
  deployment?: 'create' | 'update';
}

export interface LaunchPlan {
  cloud: boolean;
  /** Undefined when a problem makes the command impossible to compose. */
  argv: string[] | undefined;
  problems: Problem[];
}

function appFileExists(dir: string): (app: string) => boolean {
  return (app) => {
    const path = isAbsolute(app) ? app : join(dir, app);
    return isFile(path);
  };
}

const BLOCKING = ['app-unset', 'app-dash', 'name-dash', 'deployment-name'];

const SDK_NO_APP =
  'this `lightning` is lightning-sdk: it has no `run app`; set target deployment, or install lightning<2.4';

/** Whether the installed CLI can do the profile's target, as a problem when it cannot. */
function targetProblem(profile: Profile, cli: InstalledCli | undefined): Problem | undefined {
  const deployment = profile.target === 'deployment';
  const problem = (message: string, fix: string): Problem => ({
    code: 'launcher',
    subject: 'target',
    message,
    fix,
  });
  if (!cli) return undefined;
  if (!deployment && cli.kind === 'sdk') {
    return problem(
      SDK_NO_APP,
      'set "target": "deployment" in the profile, or pip install \'lightning<2.4\' and use its lightning_app',
    );
  }
  if (!deployment && cli.kind === 'no-app') {
    return problem(
      `the installed CLI cannot run apps: ${cli.why}`,
      "pip install 'lightning<2.4' (then lightning_app), or set target deployment with lightning-sdk",
    );
  }
  if (deployment && (cli.kind === 'app' || cli.kind === 'no-app')) {
    return problem(
      `this launcher is ${cli.package} ${cli.version}, which has no \`deployment\` command`,
      'pip install lightning-sdk (its `lightning` deploys), or set LSEC_LIGHTNING to it',
    );
  }
  return undefined;
}

function argvProblems(
  input: LaunchPlanInput,
  words: string[],
  origins: Parameters<typeof checkArgv>[0]['origins'],
): Problem[] {
  const { profile, cli } = input;
  const deployment = profile.target === 'deployment';
  const told = cli && (cli.kind === 'app' || cli.kind === 'sdk') ? cli : undefined;
  const command = deployment
    ? (`deployment ${input.deployment ?? 'create'}` as const)
    : ('run app' as const);
  const problems = checkArgv({
    words,
    origins,
    table: deployment
      ? deploymentTable(input.deployment ?? 'create')
      : runAppTable(told?.kind === 'app' ? told.release : undefined),
    command,
    release: told
      ? told.kind === 'app'
        ? `Lightning ${told.version}`
        : `lightning-sdk ${told.version}`
      : undefined,
    appRelease: told?.kind === 'app' ? told.release : undefined,
    local: !isCloud(profile, input.local),
  });
  return problems.map((p) => ({ code: 'argv', ...p }));
}

export function planLaunch(input: LaunchPlanInput): LaunchPlan {
  const problems = preflight({
    profile: input.profile,
    local: input.local,
    appExists: appFileExists(input.dir),
    vaultNames: input.vaultNames,
    cloudNames: input.cloudNames,
    noVerify: input.noVerify,
  });
  if (input.launcherProblem) {
    problems.push({ code: 'launcher', subject: 'launcher', ...input.launcherProblem });
  }
  const mismatch = targetProblem(input.profile, input.cli);
  if (mismatch) problems.push(mismatch);
  const blocking = problems.some((p) => BLOCKING.includes(p.code));
  let argv: string[] | undefined;
  if (!blocking) {
    const composed = compose(input.profile, {
      bin: input.bin,
      local: input.local,
      extra: [...(input.extra ?? [])],
      deployment: input.deployment,
    });
    argv = composed.argv;
    // FILE or NAME and everything after it: the words click parses for the subcommand.
    if (!mismatch) problems.push(...argvProblems(input, argv.slice(3), composed.origins.slice(3)));
  }
  return { cloud: isCloud(input.profile, input.local), argv, problems };
}

/** Problems as lines for a terminal: what, then how to fix it. */
export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.flatMap((p) => [`✗ ${p.message}`, `  fix: ${p.fix}`]);
}
