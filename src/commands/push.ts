import { executePush, planPush } from '../cloud/push.js';
import { countResults, pushInputs, recordAccepted, summaryText } from '../cloud/push-vault.js';
import { listSecrets } from '../cloud/secrets.js';
import { safeLine } from '../lib/safe-text.js';
import { requireCloud } from './cloud-connect.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';

export async function run(ctx: Ctx): Promise<number> {
  // Credentials and project first, as `remote` does: a user without them learns it
  // before typing the passphrase, and gets the credentials error (2), not a lock (3).
  const { client, project } = await requireCloud(ctx);
  const vault = await openVault(ctx);
  try {
    const names = ctx.args.positionals;
    const selected =
      names.length > 0 ? names.filter((n) => vault.has(n)) : vault.list().map((s) => s.name);
    // Fingerprints need each value: decrypt only the selected ones.
    const { local, lastPushed } = await pushInputs(vault, selected);
    const remote = await listSecrets(client, project.projectId);
    const plan = planPush({ local, lastPushed, remote, names, force: hasFlag(ctx, 'force') });
    const where = `project ${safeLine(project.name)}`;
    if (plan.length === 0) {
      ctx.note('the vault is empty: nothing to push');
      return 0;
    }
    if (hasFlag(ctx, 'dry-run')) {
      for (const a of plan) {
        const verb = a.kind === 'unchanged' ? 'skip (unchanged)' : a.kind;
        ctx.out(`would ${verb}  ${safeLine(a.name)}\n`);
      }
      ctx.note(`dry run: nothing was sent to ${where}`);
      return 0;
    }
    const results = await executePush(
      client,
      project.projectId,
      plan,
      (n) => vault.reveal(n),
      (r, done, total) => {
        const detail = r.error ? `: ${r.error}` : '';
        ctx.out(
          `[${done}/${total}] ${r.outcome.padEnd(9)} ${safeLine(r.name)}${safeLine(detail)}\n`,
        );
        if (r.hint && r.outcome === 'failed') ctx.out(`          ${safeLine(r.hint)}\n`);
      },
    );
    // Remember only what the cloud accepted, so a failure is retried next time.
    await recordAccepted(vault, results, local);
    const counts = countResults(results);
    ctx.note(`${where}: ${summaryText(counts)}`);
    return counts.failed > 0 ? 1 : 0;
  } finally {
    vault.lock();
  }
}
