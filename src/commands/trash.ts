import { listTrash } from '../store/vault-names.js';
import { type Ctx, hasFlag } from './context.js';
import { formatTable, shortDate } from './table.js';

/** Deleted secrets still kept: names and dates only, so no passphrase is needed. */
export async function run(ctx: Ctx): Promise<number> {
  const trash = listTrash(ctx.home);
  if (hasFlag(ctx, 'json')) {
    ctx.out(`${JSON.stringify({ schema: 1, trash })}\n`);
    return 0;
  }
  if (trash.length === 0) {
    ctx.note('the trash is empty');
    return 0;
  }
  ctx.out(
    formatTable(
      ['NAME', 'DELETED', 'PURGED AFTER'],
      [...trash].reverse().map((t) => [t.name, shortDate(t.deletedAt), shortDate(t.purgeAt)]),
    ),
  );
  ctx.note('bring one back with: lsec restore NAME');
  return 0;
}
