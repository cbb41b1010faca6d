// The cloud as the screens see it: which project, what it holds, and each secret's
// state. Owned by the root so every screen shares one connection, one list request
// and one scan. This file only puts the pieces together: the connection
// (use-connection.ts), the list (use-cloud-list.ts), the states (use-sync-scan.ts)
// and how failures read (cloud-problem.ts).
import { useMemo } from 'react';
import type { Connection } from '../../cloud/connect.js';
import type { SyncScan } from '../../cloud/sync-scan.js';
import type { Vault } from '../../store/vault.js';
import { type CloudList, useCloudList } from './use-cloud-list.js';
import { useConnection } from './use-connection.js';
import { useSyncScan } from './use-sync-scan.js';

export interface CloudView extends CloudList {
  /** States per name; null until the first list arrived. */
  scan: SyncScan | null;
  /** Changes whenever states resolve, so memoized rows redraw. */
  version: number;
  /** The shared connection, made on first use; rejects like connect() (no credentials too). */
  connection(): Promise<Connection>;
}

/**
 * Undefined when `env` is (no credentials: no column, no request). Lists the cloud
 * after unlock, again on every vault change (`revision`: an edit or a push), and
 * scans states for the open vault.
 */
export function useCloudState(
  env: NodeJS.ProcessEnv | undefined,
  vault: Vault | null,
  revision: number,
  /** The current profile's `project`, when it names one. */
  project?: string,
): CloudView | undefined {
  const connection = useConnection(env, project);
  const loaded = useCloudList(env, vault, revision, connection);
  const { scan, version } = useSyncScan(vault, loaded.remote, revision);
  return useMemo(
    () => (env ? { ...loaded, scan, version, connection } : undefined),
    [env, loaded, scan, version, connection],
  );
}
