// The steps around a planned launch that `lsec launch` and the TUI's launch screen
// share: asking the cloud which secrets it has, reading the mapped values for a
// local run, and building the child (launcher path, argv, environment). Keeping them
// here means the TUI cannot drift from the CLI on what reaches argv or the env.
import { connect } from '../cloud/connect.js';
import { projectLabel } from '../cloud/project.js';
import { listCloudSecrets } from '../cloud/secrets.js';
import type { Profile } from '../store/project-schema.js';
import { childEnv, pinProject } from './child-env.js';
import type { LaunchPlan } from './plan.js';

/** What the cloud said about its secrets; a failure to ask throws instead. */
export type CloudCheck =
  | { state: 'no-credentials' }
  | {
      state: 'listed';
      names: Set<string>;
      /** The project that was checked, "name (id), chosen by …", and any note. */
      note?: string;
      /** Its id: a cloud launch pins it (pinProject) so Lightning looks in the same one. */
      projectId: string;
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

/**
 * The names of the secrets in the project Lightning will use (or the profile's
 * `project`): one list call, every type, as Lightning resolves `--secret` among them all.
 */
export async function checkCloud(
  env: NodeJS.ProcessEnv,
  profileProject?: string,
): Promise<CloudCheck> {
  const conn = await connect(env, { project: profileProject });
  if (!conn) return { state: 'no-credentials' };
  const names = new Set(
    (await listCloudSecrets(conn.client, conn.scope, { all: true })).map((s) => s.name),
  );
  const { project } = conn;
  const chosen = `project ${projectLabel(project)}, chosen by ${project.source}`;
  const note = project.note ? `${chosen}; ${project.note}` : chosen;
  return { state: 'listed', names, note, projectId: project.projectId };
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
  /** The project the cloud check verified (CloudCheck.projectId), pinned for a cloud run. */
  projectId?: string;
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
  if (plan.cloud && input.projectId) pinProject(env, input.projectId);
  return { bin, args: plan.argv.slice(1), env, cwd: dir };
}
