// The work behind the push screen, without React: list the cloud, fingerprint the
// chosen values, push them one at a time, then record what the cloud accepted.
import type { Connection } from '../../cloud/connect.js';
import { executePush, type PushResult, planPush } from '../../cloud/push.js';
import {
  countResults,
  type PushCounts,
  pushInputs,
  recordAccepted,
} from '../../cloud/push-vault.js';
import { listSecrets } from '../../cloud/secrets.js';
import { RuntimeError } from '../../lib/errors.js';
import type { Vault } from '../../store/vault.js';

export interface PushEvents {
  /** Values fingerprinted so far. */
  preparing(done: number, total: number): void;
  /** The plan is made: this many secrets, each reported through `result`. */
  planned(count: number): void;
  result(result: PushResult): void;
  /** False once the screen is gone (locked, quit): no more values are read. */
  alive(): boolean;
}

export async function runPush(
  conn: Connection,
  vault: Vault,
  names: readonly string[],
  events: PushEvents,
): Promise<PushCounts> {
  const { client, project } = conn;
  // The list comes first: bad credentials fail here, before any value is decrypted.
  const remote = await listSecrets(client, project.projectId);
  const { local, lastPushed } = await pushInputs(vault, names, events.preparing);
  const plan = planPush({ local, lastPushed, remote, names });
  events.planned(plan.length);
  const getValue = (name: string) => {
    if (!events.alive()) throw new RuntimeError('not sent: the push screen was closed');
    return vault.reveal(name);
  };
  const results = await executePush(client, project.projectId, plan, getValue, (r) =>
    events.result(r),
  );
  // A locked vault (auto-lock mid-push) cannot record; those secrets then show as
  // "untracked" and the next push sends them again, which is safe.
  if (!vault.locked) {
    try {
      await recordAccepted(vault, results, local);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new RuntimeError(
        `the cloud accepted the push, but the vault could not record it: ${why}`,
        'the next push sends those values again',
      );
    }
  }
  return countResults(results);
}
