import { executePush, listSecrets, type PushAction, planPush } from '../cloud/index.js';
import { safeLine } from '../lib/safe-text.js';
import { requireCloud } from './cloud-connect.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';

const VERB: Record<PushAction['kind'], string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
};

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
    const local = selected.map((name) => ({
      name,
      fingerprint: vault.fingerprint(name, vault.reveal(name)),
    }));
    const lastPushed = new Map<string, string>();
    for (const { name } of local) {
      const fp = vault.pushedFingerprint(name);
      if (fp) lastPushed.set(name, fp);
    }
    const remote = await listSecrets(client, project.projectId);
    const plan = planPush({ local, lastPushed, remote, names, force: hasFlag(ctx, 'force') });
    const where = `project ${safeLine(project.name)}`;
    if (plan.length === 0) {
      ctx.note('the vault is empty: nothing to push');
      return 0;
    }
    if (hasFlag(ctx, 'dry-run')) {
      for (const a of plan)
        ctx.out(
          `would ${VERB[a.kind] === 'unchanged' ? 'skip (unchanged)' : VERB[a.kind]}  ${safeLine(a.name)}\n`,
        );
      ctx.note(`dry run: nothing was sent to ${where}`);
      return 0;
    }
    const fingerprints = new Map(local.map((l) => [l.name, l.fingerprint]));
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
    const accepted = new Map<string, string>();
    for (const r of results) if (r.ok) accepted.set(r.name, fingerprints.get(r.name)!);
    const changed = [...accepted].filter(([n, fp]) => vault.pushedFingerprint(n) !== fp);
    if (changed.length > 0) await vault.markPushed(new Map(changed));
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    const failed = count('failed') + count('skipped');
    ctx.note(
      `${where}: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${failed} failed`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    vault.lock();
  }
}
