// Whether a deployment already exists, to choose `deployment create` or `update`
// (lightning-today.md §c: update of a missing one fails, and create is for new ones).
// Asked of the cloud when credentials exist, in the teamspace lightning-sdk will use
// (chooseCloudProject, which the caller passes so one launch resolves it once);
// otherwise not known, and the caller says so (create, unless the user passes --update).
import { describeError } from '../lib/errors.js';
import type { CloudChoice } from './prepare.js';

export type DeploymentAnswer =
  | { state: 'listed'; exists: boolean }
  | { state: 'unknown'; why: string };

export async function deploymentExists(
  name: string,
  chosen: Promise<CloudChoice | undefined>,
): Promise<DeploymentAnswer> {
  try {
    const choice = await chosen;
    if (!choice) return { state: 'unknown', why: 'no Lightning credentials' };
    const { client, project } = choice;
    const path = `/v1/projects/${encodeURIComponent(project.projectId)}/deployments`;
    const answer = (await client.get(path)) as { deployments?: unknown } | null;
    const list = Array.isArray(answer?.deployments) ? answer.deployments : [];
    const exists = list.some((d) => (d as { name?: unknown } | null)?.name === name);
    return { state: 'listed', exists };
  } catch (error) {
    return { state: 'unknown', why: `listing deployments failed: ${describeError(error).message}` };
  }
}
