// The cloud's list of secrets for the open vault's session: fetched after unlock and
// again on every vault change, in an effect, so no key ever waits for it.
import { useEffect, useState } from 'react';
import type { Connection } from '../../cloud/connect.js';
import { projectLabel } from '../../cloud/project.js';
import { isGeneric, listCloudSecrets, type RemoteSecret } from '../../cloud/secrets.js';
import type { Vault } from '../../store/vault.js';
import { type CloudProblem, cloudProblem, errorLine } from './cloud-problem.js';

export interface CloudList {
  /** 'checking' while a list request is out; the list shown may be the previous one. */
  status: 'checking' | 'ready' | 'error';
  /** The project's name and id ("name (id)"), once known. */
  project?: string;
  /** Its id, which a launch pins (LIGHTNING_CLOUD_PROJECT_ID). */
  projectId?: string;
  /** The last failure as one line, "message — hint" (not yet sanitized: views do that). */
  error?: string;
  /** The same failure in two parts, for a view with room for two lines. */
  problem?: CloudProblem;
  /** The cloud's plain (generic) secrets as last listed (values are never sent back). */
  remote?: readonly RemoteSecret[];
  /**
   * The names of every secret in the same list, of any type: what Lightning's app CLI
   * resolves `--secret` among, so the launch screen checks as `lsec launch` does.
   */
  anyType?: ReadonlySet<string>;
}

/**
 * Lists the cloud once `env` (credentials) and an unlocked vault are there, and again
 * whenever `revision` moves (an edit or a push: the list may differ).
 */
export function useCloudList(
  env: NodeJS.ProcessEnv | undefined,
  vault: Vault | null,
  revision: number,
  connection: () => Promise<Connection>,
): CloudList {
  const [loaded, setLoaded] = useState<CloudList>({ status: 'checking' });

  // `revision` is a trigger only: a changed vault or a push means the list may differ.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!env || !vault) {
      setLoaded({ status: 'checking' });
      return;
    }
    let current = true;
    setLoaded((before) => ({ ...before, status: 'checking' }));
    connection()
      .then(async (conn) => {
        // One request for both: home and push work on generic secrets, a launch on all.
        const all = await listCloudSecrets(conn.client, conn.scope, { all: true });
        const remote = all.filter(isGeneric);
        const anyType = new Set(all.map((s) => s.name));
        const { projectId } = conn.project;
        const project = projectLabel(conn.project);
        if (current) setLoaded({ status: 'ready', project, projectId, remote, anyType });
      })
      .catch((error: unknown) => {
        // The last good list stays: a dropped connection need not blank the column.
        if (current) {
          const problem = cloudProblem(error);
          const line = errorLine(error);
          setLoaded((before) => ({ ...before, status: 'error', error: line, problem }));
        }
      });
    return () => {
      current = false;
    };
  }, [env, vault, revision, connection]);

  return loaded;
}
