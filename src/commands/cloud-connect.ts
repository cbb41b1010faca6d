import { connectScope, type ScopedConnection, type ScopeName } from '../cloud/connect.js';
import { UsageError } from '../lib/errors.js';
import { type Ctx, flag } from './context.js';
import { openProject } from './project-ctx.js';

export const NO_CREDENTIALS_HINT =
  'set LIGHTNING_API_KEY (with LIGHTNING_USER_ID) or LIGHTNING_AUTH_TOKEN, or log in with `lightning login` (~/.lightning/credentials.json)';

const SCOPES: readonly ScopeName[] = ['teamspace', 'user'];

/** The profile's cloud fields, when a project file is in reach. */
function profileCloud(ctx: Ctx): { scope?: ScopeName; project?: string } {
  const p = openProject(ctx);
  if (!p.project.exists) return {};
  return { scope: p.profile.scope, project: p.profile.project };
}

/** A connection for commands that cannot work without the cloud; says where it goes. */
export async function requireCloud(ctx: Ctx): Promise<ScopedConnection> {
  const given = flag(ctx, 'scope');
  if (given !== undefined && !SCOPES.includes(given as ScopeName)) {
    throw new UsageError(`--scope must be teamspace or user (got ${given})`);
  }
  const profile = profileCloud(ctx);
  const scope = (given as ScopeName | undefined) ?? profile.scope ?? 'teamspace';
  const teamspace = flag(ctx, 'teamspace');
  if (scope === 'user' && teamspace !== undefined) {
    throw new UsageError('--teamspace has no meaning with --scope user', 'drop one of them');
  }
  const conn = await connectScope(ctx.env, { scope, teamspace, project: profile.project });
  if (!conn) throw new UsageError('no Lightning credentials found', NO_CREDENTIALS_HINT);
  if (conn.project?.note) ctx.note(conn.project.note);
  const from = conn.project ? ` (chosen by ${conn.project.source})` : '';
  ctx.note(`${conn.label}${from}`);
  return conn;
}
