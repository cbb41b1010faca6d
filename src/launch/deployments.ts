// Whether a deployment already exists, to choose `deployment create` or `update`
// (lightning-today.md §c: update of a missing one fails, and create is for new ones).
// Asked of the cloud when credentials exist, in the teamspace lightning-sdk will use
// (deploymentTeamspace); otherwise not known, and the caller says so (create, unless
// the user passes --update).
import { openClient } from '../cloud/connect.js';
import { deploymentTeamspace } from '../cloud/teamspace.js';
import { describeError } from '../lib/errors.js';

export type DeploymentAnswer =
  | { state: 'listed'; exists: boolean }
  | { state: 'unknown'; why: string };

export async function deploymentExists(
  env: NodeJS.ProcessEnv,
  name: string,
  where: { args?: readonly string[]; project?: string } = {},
): Promise<DeploymentAnswer> {
  try {
    const client = openClient(env);
    if (!client) return { state: 'unknown', why: 'no Lightning credentials' };
    const teamspace = await deploymentTeamspace(client, env, where.args ?? [], where.project);
    const path = `/v1/projects/${encodeURIComponent(teamspace.projectId)}/deployments`;
    const answer = (await client.get(path)) as { deployments?: unknown } | null;
    const list = Array.isArray(answer?.deployments) ? answer.deployments : [];
    const exists = list.some((d) => (d as { name?: unknown } | null)?.name === name);
    return { state: 'listed', exists };
  } catch (error) {
    return { state: 'unknown', why: `listing deployments failed: ${describeError(error).message}` };
  }
}
