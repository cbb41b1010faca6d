// The environment handed to the launched child (DESIGN §5), shared by `launch` and
// `run`. Built as a fresh object: process.env is never changed, so a value added
// for the child cannot leak into a later spawn or a crash report of this process.

/** Read once by the CLI; a child must not inherit it even if someone re-set it. */
const DROPPED = ['LSEC_PASSPHRASE'];

export interface ChildEnvInput {
  /** Usually process.env; only read. */
  parent: NodeJS.ProcessEnv;
  /** The profile's plain variables. */
  plain: Readonly<Record<string, string>>;
  /**
   * Mapped secret values by env name, for a local run. In the cloud, Lightning
   * injects them itself, so these are ignored there.
   */
  values?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** True for `--local`, `cloud: false` and `lsec run`. */
  local: boolean;
}

export function childEnv(input: ChildEnvInput): NodeJS.ProcessEnv {
  // No prototype, so an env name such as "__proto__" is stored as a variable.
  const env: NodeJS.ProcessEnv = Object.create(null);
  for (const [key, value] of Object.entries(input.parent)) {
    if (value !== undefined && !DROPPED.includes(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(input.plain)) env[key] = value;
  if (input.local && input.values) {
    const entries =
      input.values instanceof Map ? input.values.entries() : Object.entries(input.values);
    for (const [key, value] of entries) env[key] = value;
  }
  return env;
}

/**
 * Pins the project lsec verified, so Lightning resolves `--secret` names in the same
 * one (it would otherwise take its first membership). A value the user set, in the
 * environment or the profile, is theirs and stays: lsec verified that one anyway.
 */
export function pinProject(env: NodeJS.ProcessEnv, projectId: string): void {
  if (!env.LIGHTNING_CLOUD_PROJECT_ID?.trim()) env.LIGHTNING_CLOUD_PROJECT_ID = projectId;
}

/**
 * Pins the teamspace lsec verified for a deployment, so lightning-sdk looks up each
 * `--secret` name in the same one. The user's own LIGHTNING_TEAMSPACE stays (lsec
 * verified in that one); the caller leaves this out when the argv has --teamspace.
 */
export function pinTeamspace(env: NodeJS.ProcessEnv, slug: string): void {
  if (!env.LIGHTNING_TEAMSPACE?.trim()) env.LIGHTNING_TEAMSPACE = slug;
}
