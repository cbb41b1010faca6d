// The cloud as the screens see it: which project, what it holds, and each secret's
// state. Owned by the root so every screen shares one list request and one scan.
// Nothing here blocks a key: requests run in effects, fingerprints are compared in
// small slices between turns of the event loop (SyncScan), failures become a line.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Connection, connect, listSecrets, type RemoteSecret } from '../../cloud/index.js';
import { SyncScan } from '../../cloud/sync-scan.js';
import { describeError, UsageError } from '../../lib/errors.js';
import type { Vault } from '../../store/vault.js';
import { sentence } from './text.js';

/** Fingerprint work per slice, and the least time between two re-renders it causes. */
const SLICE_MS = 8;
const REDRAW_MS = 100;

export interface CloudView {
  /** 'checking' while a list request is out; the states shown may be the previous ones. */
  status: 'checking' | 'ready' | 'error';
  /** The project's display name, once known. */
  project?: string;
  /** The last failure as one sentence with its hint (not yet sanitized: views do that). */
  error?: string;
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
  remote?: readonly RemoteSecret[];
}

export const NO_CREDENTIALS = new UsageError(
  'no Lightning credentials found',
  'set LIGHTNING_USER_ID and LIGHTNING_API_KEY, or log in with `lightning login` (~/.lightning/credentials.json)',
);

/** "Message — hint" in one line. */
export function errorLine(error: unknown): string {
  const { message, hint } = describeError(error);
  return hint ? `${sentence(message)} — ${hint}` : sentence(message);
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
  const [scan, setScan] = useState<SyncScan | null>(null);
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
        if (current)
          setLoaded((before) => ({ ...before, status: 'error', error: errorLine(error) }));
      });
    return () => {
      current = false;
    };
  }, [env, vault, revision, connection]);

  // A new scan whenever the vault's contents or the cloud's list change. The vault is
  // one object for the whole session, so `revision` is what says its contents moved.
  const { remote } = loaded;
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision, see above
  useEffect(() => {
    setScan(vault && remote && !vault.locked ? new SyncScan(vault, remote) : null);
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
