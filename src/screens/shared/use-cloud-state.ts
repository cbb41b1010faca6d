// The cloud as the screens see it: which project, what it holds, and each secret's
// state. Owned by the root so every screen shares one list request and one scan.
// Nothing here blocks a key: requests run in effects, fingerprints are compared in
// small slices between turns of the event loop (SyncScan), failures become a line.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CloudError, CREDENTIALS_HINT } from '../../cloud/cloud-error.js';
import { type Connection, connect } from '../../cloud/connect.js';
import { listSecrets, type RemoteSecret } from '../../cloud/secrets.js';
import { SyncScan } from '../../cloud/sync-scan.js';
import { describeError, UsageError } from '../../lib/errors.js';
import type { Vault } from '../../store/vault.js';
import { sentence } from './text.js';

/**
 * Fingerprint work per slice (a key that arrives mid-slice waits for it: with 10,000
 * secrets, 8 ms slices doubled a cursor move's latency, 4 ms cost ~3 ms), and the
 * least time between two re-renders the scan causes.
 */
const SLICE_MS = 4;
const REDRAW_MS = 100;

export interface CloudView {
  /** 'checking' while a list request is out; the states shown may be the previous ones. */
  status: 'checking' | 'ready' | 'error';
  /** The project's display name, once known. */
  project?: string;
  /** The last failure as one line, "message — hint" (not yet sanitized: views do that). */
  error?: string;
  /** The same failure in two parts, for a view with room for two lines. */
  problem?: CloudProblem;
  /** The cloud's secrets as last listed (values are never sent back). */
  remote?: readonly RemoteSecret[];
  /** States per name; null until the first list arrived. */
  scan: SyncScan | null;
  /** Changes whenever states resolve, so memoized rows redraw. */
  version: number;
  /** The shared connection, made on first use; rejects like connect() (no credentials too). */
  connection(): Promise<Connection>;
}

interface Loaded {
  status: CloudView['status'];
  project?: string;
  error?: string;
  problem?: CloudProblem;
  remote?: readonly RemoteSecret[];
}

export const NO_CREDENTIALS = new UsageError(
  'no Lightning credentials found',
  'set LIGHTNING_USER_ID and LIGHTNING_API_KEY, or log in with `lightning login` (~/.lightning/credentials.json)',
);

/** A failure in two short lines: what happened, and what to do. */
export interface CloudProblem {
  message: string;
  hint?: string;
}

export function cloudProblem(error: unknown): CloudProblem {
  // The full 401 text names the request and repeats the server's words; on a list
  // screen the point is "your credentials" and where to fix them.
  if (error instanceof CloudError && (error.status === 401 || error.status === 403)) {
    return {
      message: `The Lightning cloud refused the credentials (HTTP ${error.status})`,
      hint: CREDENTIALS_HINT,
    };
  }
  const { message, hint } = describeError(error);
  return { message: sentence(message), hint };
}

/** "Message — hint" in one line. */
export function errorLine(error: unknown): string {
  const { message, hint } = cloudProblem(error);
  return hint ? `${message} — ${hint}` : message;
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
): CloudView | undefined {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'checking' });
  const [version, setVersion] = useState(0);

  // One connection (credentials + project choice) for the session; a failed attempt
  // is forgotten so the next reload tries again.
  const pending = useRef<Promise<Connection> | null>(null);
  const connection = useCallback((): Promise<Connection> => {
    if (!env) return Promise.reject(NO_CREDENTIALS);
    if (!pending.current) {
      const attempt = connect(env).then((conn) => {
        if (!conn) throw NO_CREDENTIALS;
        return conn;
      });
      attempt.catch(() => {
        if (pending.current === attempt) pending.current = null;
      });
      pending.current = attempt;
    }
    return pending.current;
  }, [env]);

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
        const remote = await listSecrets(conn.client, conn.project.projectId);
        if (current) setLoaded({ status: 'ready', project: conn.project.name, remote });
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

  // A new scan whenever the vault's contents or the cloud's list change, made during
  // render so no frame pairs a new list with old states; its first slice runs here
  // too, so a small vault never shows "…" at all. The vault is one object for the
  // session: `revision` is what says its contents moved.
  const { remote } = loaded;
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision, see above
  const scan = useMemo(() => {
    if (!vault || !remote || vault.locked) return null;
    const fresh = new SyncScan(vault, remote);
    fresh.step(SLICE_MS);
    return fresh;
  }, [vault, remote, revision]);

  useEffect(() => {
    if (!scan || scan.pending === 0) return;
    let handle: NodeJS.Immediate | undefined;
    let drawn = 0;
    const tick = () => {
      const done = scan.step(SLICE_MS);
      const now = performance.now();
      // Redraw at most every REDRAW_MS, and once at the end.
      if (done.length > 0 && (scan.pending === 0 || now - drawn >= REDRAW_MS)) {
        drawn = now;
        setVersion((v) => v + 1);
      }
      // Nothing done with work left means the vault was locked: stop.
      if (scan.pending > 0 && done.length > 0) handle = setImmediate(tick);
    };
    handle = setImmediate(tick);
    return () => {
      if (handle) clearImmediate(handle);
    };
  }, [scan]);

  return useMemo(
    () => (env ? { ...loaded, scan, version, connection } : undefined),
    [env, loaded, scan, version, connection],
  );
}
