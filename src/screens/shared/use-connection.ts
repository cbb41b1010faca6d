// One connection (credentials + project choice) for the TUI session, made on first
// use and shared by every screen.
import { useCallback, useRef } from 'react';
import { type Connection, connect } from '../../cloud/connect.js';
import { NO_CREDENTIALS } from './cloud-problem.js';

/**
 * A stable function returning the session's connection; it rejects like connect()
 * and with NO_CREDENTIALS when there are none. A failed attempt is forgotten, so the
 * next call tries again.
 */
export function useConnection(env: NodeJS.ProcessEnv | undefined): () => Promise<Connection> {
  const pending = useRef<Promise<Connection> | null>(null);
  return useCallback((): Promise<Connection> => {
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
}
