// The steps around a planned launch that `lsec launch` and the TUI's launch screen
// share: asking the cloud which secrets it has, reading the mapped values for a
// local run, and building the child (launcher path, argv, environment). Keeping them
// here means the TUI cannot drift from the CLI on what reaches argv or the env.
import { connect, openClient } from '../cloud/connect.js';
import type { CloudClient } from '../cloud/http.js';
import { type Project, projectLabel } from '../cloud/project.js';
import { listCloudSecrets, teamspaceScope } from '../cloud/secrets.js';
import { deploymentTeamspace, type Teamspace } from '../cloud/teamspace.js';
import type { Profile } from '../store/project-schema.js';
import { childEnv, pinProject, pinTeamspace } from './child-env.js';
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
      /**
       * A deployment's teamspace as `owner/name`, to pin as LIGHTNING_TEAMSPACE; left
       * out when the argv carries --teamspace (the SDK reads that) or the owner is unknown.
       */
      teamspace?: string;
    };

/** Where a launch's secrets are looked up: the profile's choices that matter. */
export interface CloudWish {
  /** The profile's `project`. */
  project?: string;
  /** A deployment target: the SDK resolves a teamspace instead of the app CLI's project. */
  deployment?: boolean;
  /** The profile's args (and any extra), which may carry `--teamspace`. */
  args?: readonly string[];
}

export const NO_CREDENTIALS_NOTE =
  'no Lightning credentials: not checking that the cloud has each secret';

/**
 * Whether a launch should ask the cloud: only a cloud run that maps secrets and was
 * not told to skip it (--no-verify). A local run never needs the cloud.
 */
export function needsCloudCheck(cloud: boolean, profile: Profile, noVerify = false): boolean {
  return cloud && !noVerify && Object.keys(profile.secrets).length > 0;
}

/** The wish of a profile (and a command line's extra args): one choice for launch and map. */
export function cloudWish(profile: Profile, extra: readonly string[] = []): CloudWish {
  return {
    project: profile.project,
    deployment: profile.target === 'deployment',
    args: [...(profile.args ?? []), ...extra],
  };
}

/** Where a launch looks its secrets up (and pins), and the client that chose it. */
export interface CloudChoice {
  client: CloudClient;
  /** The app CLI's project, or a deployment's teamspace with its `owner/name`. */
  project: Teamspace;
}

/**
 * The one place that chooses where a launch looks: for an app, the project Lightning's
 * app CLI uses (or the profile's `project`); for a deployment, the teamspace
 * lightning-sdk resolves (deploymentTeamspace). `lsec show`, the deployment check and
 * the secrets check all take it from here. Undefined without credentials.
 */
export async function chooseCloudProject(
  env: NodeJS.ProcessEnv,
  wish: CloudWish = {},
): Promise<CloudChoice | undefined> {
  if (wish.deployment) {
    const client = openClient(env);
    if (!client) return undefined;
    const project = await deploymentTeamspace(client, env, wish.args ?? [], wish.project);
    return { client, project };
  }
  const conn = await connect(env, { project: wish.project });
  return conn && { client: conn.client, project: conn.project };
}

/**
 * chooseCloudProject asked at most once, when first called: the deployment check and
 * the secrets check of one launch look in the same place without resolving it twice
 * (and a failure fails both, as one answer).
 */
export function cloudChooser(
  env: NodeJS.ProcessEnv,
  wish: CloudWish,
): () => Promise<CloudChoice | undefined> {
  let chosen: Promise<CloudChoice | undefined> | undefined;
  return () => {
    chosen ??= chooseCloudProject(env, wish);
    return chosen;
  };
}

/**
 * The names of the secrets where the launched CLI will look them up (chooseCloudProject;
 * `chosen` when the caller has already asked, so one launch chooses once). One list
 * call, every type. The reference does not say whether a deployment's `fromSecret`
 * also finds the user's own secrets, so only the teamspace's count.
 */
export async function checkCloud(
  env: NodeJS.ProcessEnv,
  wish: CloudWish = {},
  chosen: Promise<CloudChoice | undefined> = chooseCloudProject(env, wish),
): Promise<CloudCheck> {
  const choice = await chosen;
  if (!choice) return { state: 'no-credentials' };
  const { client, project } = choice;
  const names = await secretNames(client, project.projectId);
  const note = chosenBy(wish.deployment ? 'teamspace' : 'project', project);
  if (!wish.deployment) return { state: 'listed', names, note, projectId: project.projectId };
  const pinned = project.source === '--teamspace' ? undefined : project.slug;
  return { state: 'listed', names, note, projectId: project.projectId, teamspace: pinned };
}

async function secretNames(client: CloudClient, projectId: string): Promise<Set<string>> {
  const list = await listCloudSecrets(client, teamspaceScope(projectId), { all: true });
  return new Set(list.map((s) => s.name));
}

/** "teamspace name (id), chosen by LIGHTNING_TEAMSPACE" and any note. */
function chosenBy(kind: string, project: Project): string {
  const chosen = `${kind} ${projectLabel(project)}, chosen by ${project.source}`;
  return project.note ? `${chosen}; ${project.note}` : chosen;
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
  /** The project the cloud check verified (CloudCheck.projectId), pinned for a cloud app run. */
  projectId?: string;
  /** A deployment's teamspace the check verified (CloudCheck.teamspace), pinned for it. */
  teamspace?: string;
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
  if (plan.cloud && profile.target === 'deployment') {
    if (input.teamspace) pinTeamspace(env, input.teamspace);
  } else if (plan.cloud && input.projectId) pinProject(env, input.projectId);
  return { bin, args: plan.argv.slice(1), env, cwd: dir };
}
