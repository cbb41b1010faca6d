// The entry point for commands and screens: credentials, client and where secrets
// live in one call, or nothing when the user has no Lightning credentials at all.

import { cloudUrl, loadCredentials } from './credentials.js';
import { type ClientOptions, CloudClient } from './http.js';
import { type Project, projectLabel, selectProject } from './project.js';
import { type SecretScope, teamspaceScope } from './secrets.js';
import { resolveTeamspace } from './teamspace.js';

/** A connection to a project, chosen as Lightning's app CLI chooses it. */
export interface Connection {
  client: CloudClient;
  project: Project;
  /** The project's secrets (a teamspace scope). */
  scope: SecretScope;
}

export type ScopeName = 'teamspace' | 'user';

/** A connection to where `push`, `remote` and `remote rm` work. */
export interface ScopedConnection {
  client: CloudClient;
  scope: SecretScope;
  /** The teamspace, for the teamspace scope. */
  project?: Project;
  /** "teamspace my-project (project-1)" or "your user secrets", for messages. */
  label: string;
}

export interface ScopeWish {
  scope?: ScopeName;
  /** `--teamspace OWNER/NAME`. */
  teamspace?: string;
  /** The profile's `project`. */
  project?: string;
}

/** A client for the user's credentials, or undefined when there are none. */
export function openClient(
  env: NodeJS.ProcessEnv,
  options: ClientOptions = {},
): CloudClient | undefined {
  const credentials = loadCredentials(env);
  return credentials ? new CloudClient(cloudUrl(env), credentials, options) : undefined;
}

/**
 * The project Lightning's app CLI would use (or the profile's `project`). Undefined
 * when no credentials exist; throws when they exist but cannot be used.
 */
export async function connect(
  env: NodeJS.ProcessEnv = process.env,
  options: ClientOptions & { project?: string } = {},
): Promise<Connection | undefined> {
  const c = openClient(env, options);
  if (!c) return undefined;
  const project = await selectProject(c, env, options.project);
  return { client: c, project, scope: teamspaceScope(project.projectId) };
}

/** Where push/remote work: the user's secrets, or a teamspace resolved as the SDK does. */
export async function connectScope(
  env: NodeJS.ProcessEnv,
  wish: ScopeWish,
  options: ClientOptions = {},
): Promise<ScopedConnection | undefined> {
  const c = openClient(env, options);
  if (!c) return undefined;
  if (wish.scope === 'user') {
    return { client: c, scope: { kind: 'user' }, label: 'your user secrets' };
  }
  const project = await resolveTeamspace(c, env, { flag: wish.teamspace, profile: wish.project });
  return {
    client: c,
    scope: teamspaceScope(project.projectId),
    project,
    label: `teamspace ${projectLabel(project)}`,
  };
}
