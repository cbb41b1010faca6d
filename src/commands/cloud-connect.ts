import { type Connection, connect } from '../cloud/connect.js';
import { UsageError } from '../lib/errors.js';
import type { Ctx } from './context.js';

/** A connection for commands that cannot work without the cloud. */
export async function requireCloud(ctx: Ctx): Promise<Connection> {
  const conn = await connect(ctx.env);
  if (!conn) {
    throw new UsageError(
      'no Lightning credentials found',
      'set LIGHTNING_USER_ID and LIGHTNING_API_KEY, or log in with `lightning login` (~/.lightning/credentials.json)',
    );
  }
  if (conn.project.note) ctx.note(conn.project.note);
  return conn;
}
