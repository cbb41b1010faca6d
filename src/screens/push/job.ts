// The work behind the push screen, without React: the one push of the cloud package
// (pushVault, shared with `lsec push`), reported as events.
import type { Connection } from '../../cloud/connect.js';
import type { PushResult } from '../../cloud/push.js';
import { type PushCounts, pushVault } from '../../cloud/push-vault.js';
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
  const { counts } = await pushVault(conn, vault, {
    names,
    preparing: events.preparing,
    planned: (plan) => events.planned(plan.length),
    progress: (r) => events.result(r),
    alive: events.alive,
  });
  return counts;
}
