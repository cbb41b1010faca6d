// The steps around a planned launch that `lsec launch` and the TUI's launch screen
// share: asking the cloud which secrets it has, reading the mapped values for a
// local run, and building the child (launcher path, argv, environment). Keeping them
// here means the TUI cannot drift from the CLI on what reaches argv or the env.
import { connect } from '../cloud/connect.js';
import { listSecrets } from '../cloud/secrets.js';
import type { Profile } from '../store/project-schema.js';
import { childEnv } from './child-env.js';
import type { LaunchPlan } from './plan.js';

/** What the cloud said about its secrets; a failure to ask throws instead. */
export type CloudCheck =
  | { state: 'no-credentials' }
  | {
      state: 'listed';
      names: Set<string>;
      /** How the project was chosen, when that is worth telling (several projects). */
      note?: string;
    };

export const NO_CREDENTIALS_NOTE =
  'no Lightning credentials: not checking that the cloud has each secret';

/**
 * Whether a launch should ask the cloud: only a cloud run that maps secrets and was
 * not told to skip it (--no-verify). A local run never needs the cloud.
 */
export function needsCloudCheck(cloud: boolean, profile: Profile, noVerify = false): boolean {
  return cloud && !noVerify && Object.keys(profile.secrets).length > 0;
}

/** The names of the secrets in the Lightning project (one list call). */
export async function checkCloud(env: NodeJS.ProcessEnv): Promise<CloudCheck> {
  const conn = await connect(env);
  if (!conn) return { state: 'no-credentials' };
  const names = new Set(
    (await listSecrets(conn.client, conn.project.projectId)).map((s) => s.name),
  );
  return conn.project.note
    ? { state: 'listed', names, note: conn.project.note }
    : { state: 'listed', names };
}

/** Whether the child needs secret values: a local run with mappings. */
export function needsValues(plan: Pick<LaunchPlan, 'cloud'>, profile: Profile): boolean {
  return !plan.cloud && Object.keys(profile.secrets).length > 0;
}

/** Each mapped secret's value by env name, in the profile's order. */
export function mappedValues(
  profile: Profile,
  reveal: (secret: string) => string,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const [envName, secret] of Object.entries(profile.secrets)) {
    values.set(envName, reveal(secret));
  }
  return values;
}

/** A child ready to spawn with no shell: absolute launcher path, its arguments, env, folder. */
export interface ChildLaunch {
  bin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface ChildLaunchInput {
  /** A plan without problems (its argv is set). */
  plan: LaunchPlan;
  profile: Profile;
  /** The launcher's absolute path (resolveLauncher), found before any value is read. */
  bin: string;
  /** The project folder, where the child runs. */
  dir: string;
  /** The parent environment (read only), which the child inherits. */
  env: NodeJS.ProcessEnv;
  /** Mapped values for a local run (mappedValues); ignored for a cloud run. */
  values?: ReadonlyMap<string, string>;
}

/**
 * The child to run. In the cloud only names are in argv and no value is in the env
 * (nor LSEC_PASSPHRASE); a local run gets each mapped value in its env, never in argv.
 */
export function childLaunch(input: ChildLaunchInput): ChildLaunch {
  const { plan, profile, bin, dir } = input;
  if (!plan.argv) throw new Error('childLaunch needs a plan whose command could be composed');
  const env = childEnv({
    parent: input.env,
    plain: profile.env,
    values: input.values,
    local: !plan.cloud,
  });
  return { bin, args: plan.argv.slice(1), env, cwd: dir };
}
