import { UsageError } from '../lib/errors.js';
import { listHistory, listSecrets } from '../store/vault-names.js';
import { type Ctx, flag, hasFlag } from './context.js';
import { noSuchName, noSuchSecret, openVault } from './open-vault.js';
import { formatTable, shortDate } from './table.js';

/**
 * Earlier values of a secret, as 1Password and KeePassXC keep item history: the list
 * shows dates only (no passphrase needed); `--restore N` makes value N current again
 * and keeps the current one in the history, so a restore can be undone.
 */
export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const restore = flag(ctx, 'restore');
  if (restore !== undefined) return restoreOne(ctx, name, restore);
  const history = listHistory(ctx.home, name);
  if (history === undefined) {
    throw noSuchName(
      listSecrets(ctx.home).map((s) => s.name),
      name,
    );
  }
  if (hasFlag(ctx, 'json')) {
    ctx.out(`${JSON.stringify({ schema: 1, name, history })}\n`);
    return 0;
  }
  if (history.length === 0) {
    ctx.note(`${name} has no earlier values (they are kept when a value is replaced)`);
    return 0;
  }
  ctx.out(
    formatTable(
      ['N', 'SET', 'REPLACED'],
      history.map((h) => [String(h.n), shortDate(h.setAt), shortDate(h.replacedAt)]),
    ),
  );
  ctx.note(`make one current again with: lsec history ${name} --restore N`);
  return 0;
}

async function restoreOne(ctx: Ctx, name: string, text: string): Promise<number> {
  const n = /^[1-9]\d{0,2}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(n)) {
    throw new UsageError(
      `--restore takes the number of an earlier value, not "${text}"`,
      `see the numbers with: lsec history ${name}`,
    );
  }
  const vault = await openVault(ctx);
  try {
    if (!vault.has(name)) throw noSuchSecret(vault, name);
    await vault.restoreEarlier(name, n);
    ctx.note(`${name}: earlier value ${n} is current again; the value it replaced is now 1`);
    return 0;
  } finally {
    vault.lock();
  }
}
