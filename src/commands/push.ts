import { pushVault, summaryText } from '../cloud/push-vault.js';
import { safeLine } from '../lib/safe-text.js';
import { requireCloud } from './cloud-connect.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  // Credentials and teamspace first, as `remote` does: a user without them learns it
  // before typing the passphrase, and gets the credentials error (2), not a lock (3).
  const conn = await requireCloud(ctx);
  const vault = await openVault(ctx);
  try {
    const dryRun = hasFlag(ctx, 'dry-run');
    const { plan, counts } = await pushVault(conn, vault, {
      names: ctx.args.positionals,
      force: hasFlag(ctx, 'force'),
      dryRun,
      progress: (r, done, total) => {
        const detail = r.error ? `: ${r.error}` : '';
        ctx.out(
          `[${done}/${total}] ${r.outcome.padEnd(9)} ${safeLine(r.name)}${safeLine(detail)}\n`,
        );
        if (r.hint && !r.ok) ctx.out(`          ${safeLine(r.hint)}\n`);
      },
    });
    if (plan.length === 0) {
      ctx.note('the vault is empty: nothing to push');
      return 0;
    }
    if (dryRun) {
      for (const a of plan) {
        if (a.kind === 'refused') {
          ctx.out(`would refuse  ${safeLine(a.name)}: ${safeLine(a.error)}\n`);
          ctx.out(`          ${safeLine(a.hint)}\n`);
          continue;
        }
        const verb = a.kind === 'unchanged' ? 'skip (unchanged)' : a.kind;
        ctx.out(`would ${verb}  ${safeLine(a.name)}\n`);
      }
      ctx.note(`dry run: nothing was sent to ${conn.label}`);
      return plan.some((a) => a.kind === 'refused') ? 1 : 0;
    }
    ctx.note(`${conn.label}: ${summaryText(counts)}`);
    return counts.failed > 0 ? 1 : 0;
  } finally {
    vault.lock();
  }
}
