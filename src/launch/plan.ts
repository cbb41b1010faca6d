// One launch, planned: the argv Lightning would get and every problem that would
// stop it. Shared by `lsec show`, `lsec launch` and the TUI's launch screen, so the
// preview and the real launch can never disagree.
import { isAbsolute, join } from 'node:path';
import { isFile } from '../lib/fs.js';
import type { Profile } from '../store/project-schema.js';
import { composeArgv, isCloud } from './compose.js';
import { type Problem, preflight } from './preflight.js';

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

export function planLaunch(input: LaunchPlanInput): LaunchPlan {
  const problems = preflight({
    profile: input.profile,
    local: input.local,
    appExists: appFileExists(input.dir),
    vaultNames: input.vaultNames,
    cloudNames: input.cloudNames,
    noVerify: input.noVerify,
  });
  const blocking = problems.some((p) => ['app-unset', 'app-dash', 'name-dash'].includes(p.code));
  const argv = blocking
    ? undefined
    : composeArgv(input.profile, {
        bin: input.bin,
        local: input.local,
        extra: [...(input.extra ?? [])],
      });
  return { cloud: isCloud(input.profile, input.local), argv, problems };
}

/** Problems as lines for a terminal: what, then how to fix it. */
export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.flatMap((p) => [`✗ ${p.message}`, `  fix: ${p.fix}`]);
}
