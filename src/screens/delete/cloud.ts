// Deleting a secret's cloud copy from the delete screen, through the session's one
// connection. Resolves to where it was deleted ("project NAME (id)"), for the notice.
import { projectLabel } from '../../cloud/project.js';
import { deleteCloudSecret } from '../../cloud/secrets.js';
import type { CloudView } from '../shared/use-cloud-state.js';

export async function deleteCloudCopy(cloud: CloudView, id: string): Promise<string> {
  const conn = await cloud.connection();
  try {
    await deleteCloudSecret(conn.client, conn.scope, id);
  } catch (error) {
    if (error instanceof Error) {
      error.message = `the cloud copy was not deleted, so neither was the vault's: ${error.message}`;
    }
    throw error;
  }
  return `project ${projectLabel(conn.project)}`;
}
