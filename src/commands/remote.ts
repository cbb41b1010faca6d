import { listCloudSecrets } from '../cloud/secrets.js';
import { type SyncState, vaultSecretState } from '../cloud/sync-state.js';
import { UsageError } from '../lib/errors.js';
import { vaultExists } from '../store/vault-file.js';
import { listSecrets as listVaultSecrets } from '../store/vault-names.js';
import { requireCloud } from './cloud-connect.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';
import { run as removeRemote } from './remote-rm.js';
import { formatTable } from './table.js';

/** The cloud's secrets are in the cloud, so not-pushed never shows here. */
const LABEL: Record<Exclude<SyncState, 'not-pushed'>, string> = {
  'in-sync': 'in sync',
  changed: 'changed since last push',
  untracked: 'in vault, never pushed from it',
  'cloud-only': 'not in the vault',
};

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.positionals[0] === 'rm') return removeRemote(ctx);
  if (ctx.args.positionals.length > 0) {
    throw new UsageError(
      `unknown: lsec remote ${ctx.args.positionals[0]}`,
      'lsec remote lists; lsec remote rm NAME... deletes',
    );
  }
  const conn = await requireCloud(ctx);
  const remote = (await listCloudSecrets(conn.client, conn.scope)).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const names = new Set(remote.map((s) => s.name));
  // Comparing with the vault needs its key, so unlock only when a name overlaps.
  const overlap =
    vaultExists(ctx.home) && listVaultSecrets(ctx.home).some((s) => names.has(s.name));
  const vault = overlap ? await openVault(ctx) : undefined;
  try {
    const secrets = remote.map((s) => {
      const state = vault?.has(s.name) ? vaultSecretState(vault, s.name, true) : 'cloud-only';
      return {
        name: s.name,
        createdAt: s.createdAt ?? null,
        updatedAt: s.updatedAt ?? null,
        state: state === 'not-pushed' ? 'untracked' : state,
      };
    });
    if (hasFlag(ctx, 'json')) {
      const { project } = conn;
      ctx.out(
        `${JSON.stringify({
          schema: 1,
          scope: conn.scope.kind,
          project: project
            ? { id: project.projectId, name: project.name, source: project.source }
            : null,
          secrets,
        })}\n`,
      );
      return 0;
    }
    if (secrets.length === 0) {
      ctx.note(`${conn.label} has no secrets; send yours with: lsec push`);
      return 0;
    }
    ctx.out(
      formatTable(
        ['NAME', 'UPDATED', 'STATE'],
        secrets.map((s) => [s.name, s.updatedAt ?? '', LABEL[s.state]]),
      ),
    );
    return 0;
  } finally {
    vault?.lock();
  }
}
