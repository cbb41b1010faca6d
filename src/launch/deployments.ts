// Whether a deployment already exists, to choose `deployment create` or `update`
// (lightning-today.md §c: update of a missing one fails, and create is for new ones).
// Asked of the cloud when credentials exist, in the project lsec uses; otherwise not
// known, and the caller says so (create, unless the user passes --update).
import { connect } from '../cloud/connect.js';
import { describeError } from '../lib/errors.js';

export type DeploymentAnswer =
  | { state: 'listed'; exists: boolean }
  | { state: 'unknown'; why: string };

export async function deploymentExists(
  env: NodeJS.ProcessEnv,
  name: string,
): Promise<DeploymentAnswer> {
  try {
    const conn = await connect(env);
    if (!conn) return { state: 'unknown', why: 'no Lightning credentials' };
    const path = `/v1/projects/${encodeURIComponent(conn.project.projectId)}/deployments`;
    const answer = (await conn.client.get(path)) as { deployments?: unknown } | null;
    const list = Array.isArray(answer?.deployments) ? answer.deployments : [];
    const exists = list.some((d) => (d as { name?: unknown } | null)?.name === name);
    return { state: 'listed', exists };
  } catch (error) {
    return { state: 'unknown', why: `listing deployments failed: ${describeError(error).message}` };
  }
}
