// One connection (credentials + project choice) for the TUI session, made on first
// use and shared by every screen; a new one when the profile names another project.
import { useCallback, useRef } from 'react';
import { type Connection, connect } from '../../cloud/connect.js';
import { NO_CREDENTIALS } from './cloud-problem.js';

/**
 * A stable function returning the session's connection; it rejects like connect()
 * and with NO_CREDENTIALS when there are none. A failed attempt is forgotten, so the
 * next call tries again.
 */
export function useConnection(
  env: NodeJS.ProcessEnv | undefined,
  /** The profile's `project`, chosen as `lsec push` and `lsec launch` choose it. */
  project?: string,
): () => Promise<Connection> {
  // Remembered with the project it was made for: another project needs another one.
  const pending = useRef<{ project?: string; attempt: Promise<Connection> } | null>(null);
  return useCallback((): Promise<Connection> => {
    if (!env) return Promise.reject(NO_CREDENTIALS);
    if (!pending.current || pending.current.project !== project) {
      const attempt = connect(env, { project }).then((conn) => {
        if (!conn) throw NO_CREDENTIALS;
        return conn;
      });
      const entry = { project, attempt };
      attempt.catch(() => {
        if (pending.current === entry) pending.current = null;
      });
      pending.current = entry;
    }
    return pending.current.attempt;
  }, [env, project]);
}
