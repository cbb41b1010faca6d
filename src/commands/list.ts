import { listSecrets } from '../store/vault-names.js';
import { type Ctx, hasFlag } from './context.js';
import { formatTable, shortDate } from './table.js';

export async function run(ctx: Ctx): Promise<number> {
  const secrets = listSecrets(ctx.home);
  if (hasFlag(ctx, 'json')) {
    // --names keeps its meaning in JSON: the names alone.
    const body = hasFlag(ctx, 'names') ? { names: secrets.map((s) => s.name) } : { secrets };
    ctx.out(`${JSON.stringify({ schema: 1, ...body })}\n`);
    return 0;
  }
  if (hasFlag(ctx, 'names')) {
    ctx.out(secrets.map((s) => `${s.name}\n`).join(''));
    return 0;
  }
  if (secrets.length === 0) {
    ctx.note('the vault is empty; add a secret with: lsec add NAME');
    return 0;
  }
  ctx.out(
    formatTable(
      ['NAME', 'UPDATED'],
      secrets.map((s) => [s.name, shortDate(s.updatedAt)]),
    ),
  );
  return 0;
}
