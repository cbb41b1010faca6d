// `lsec remote rm NAME... [--yes]`: deletes secrets from the cloud scope (by id, after
// one list). Asks on a terminal; elsewhere needs --yes. Exit 1 names any that failed.
import { deleteCloudSecret, findSecret, listCloudSecrets } from '../cloud/secrets.js';
import { count } from '../lib/count.js';
import { describeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { requireCloud } from './cloud-connect.js';
import { type Ctx, confirmOnTerminal, hasFlag } from './context.js';

export async function run(ctx: Ctx): Promise<number> {
  const names = [...new Set(ctx.args.positionals.slice(1))];
  if (names.length === 0) {
    throw new UsageError('lsec remote rm needs the names to delete', 'lsec remote rm NAME...');
  }
  const yes = hasFlag(ctx, 'yes');
  if (!yes && !ctx.stdinIsTTY) {
    throw new UsageError(
      'not a terminal, so lsec cannot ask before deleting from the cloud',
      `pass --yes: lsec remote rm ${names.map(safeLine).join(' ')} --yes`,
    );
  }
  const conn = await requireCloud(ctx);
  const remote = await listCloudSecrets(conn.client, conn.scope);
  const failed: string[] = [];
  const found = names.flatMap((name) => {
    const secret = findSecret(remote, name);
    if (secret) return [secret];
    failed.push(name);
    ctx.note(`${name}: not in ${conn.label}`);
    return [];
  });
  const question = `Delete ${count(found.length, 'secret')} from ${conn.label} (${found.map((s) => s.name).join(', ')})?`;
  if (found.length > 0 && !yes && !(await confirmOnTerminal(ctx, question))) {
    ctx.note('nothing deleted');
    return failed.length > 0 ? 1 : 0;
  }
  for (const secret of found) {
    try {
      await deleteCloudSecret(conn.client, conn.scope, secret.id);
      ctx.note(`deleted ${secret.name} from ${conn.label}`);
    } catch (error) {
      failed.push(secret.name);
      const { message, hint } = describeError(error);
      ctx.note(`${secret.name}: ${message}${hint ? ` (${hint})` : ''}`);
    }
  }
  if (failed.length > 0) {
    ctx.note(`not deleted: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}
