// The entry point for commands and screens: credentials, client and project in one
// call, or nothing when the user has no Lightning credentials at all.

import { cloudUrl, loadCredentials } from './credentials.js';
import { type ClientOptions, CloudClient } from './http.js';
import { type Project, selectProject } from './project.js';

export interface Connection {
  client: CloudClient;
  project: Project;
}

/** Undefined when no credentials exist; throws when they exist but cannot be used. */
export async function connect(
  env: NodeJS.ProcessEnv = process.env,
  options: ClientOptions = {},
): Promise<Connection | undefined> {
  const credentials = loadCredentials(env);
  if (!credentials) return undefined;
  const client = new CloudClient(cloudUrl(env), credentials, options);
  return { client, project: await selectProject(client, env) };
}
