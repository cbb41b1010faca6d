// The vault's side of a push, shared by `lsec push` and the TUI's push screen: the
// fingerprints to compare, recording only what the cloud accepted, and the summary.

import type { Vault } from '../store/vault.js';
import type { LocalSecret, PushResult } from './push.js';

/** Work done between two yields, so a large vault never holds the event loop long. */
const SLICE_MS = 8;

export interface PushInputs {
  /** The selected secrets with the fingerprint of their current value. */
  local: LocalSecret[];
  /** Fingerprint of each value as last pushed from this vault (planPush's lastPushed). */
  lastPushed: Map<string, string>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fingerprints of `names` (which must be in the vault). Each needs its value
 * decrypted, so the work yields to the event loop every few milliseconds: a TUI
 * keeps drawing and reading keys while 10,000 secrets are prepared.
 */
export async function pushInputs(
  vault: Vault,
  names: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<PushInputs> {
  const local: LocalSecret[] = [];
  const lastPushed = new Map<string, string>();
  let sliceStart = performance.now();
  for (const name of names) {
    local.push({ name, fingerprint: vault.fingerprint(name, vault.reveal(name)) });
    const pushed = vault.pushedFingerprint(name);
    if (pushed) lastPushed.set(name, pushed);
    if (performance.now() - sliceStart >= SLICE_MS) {
      onProgress?.(local.length, names.length);
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  onProgress?.(local.length, names.length);
  return { local, lastPushed };
}

/**
 * Remembers the fingerprints of the secrets the cloud accepted, so a failed one is
 * sent again next time. Writes the vault only when a record changes; returns how
 * many did.
 */
export async function recordAccepted(
  vault: Vault,
  results: readonly PushResult[],
  local: readonly LocalSecret[],
): Promise<number> {
  const fingerprints = new Map(local.map((l) => [l.name, l.fingerprint]));
  const changed = new Map<string, string>();
  for (const r of results) {
    const fp = fingerprints.get(r.name);
    if (r.ok && fp !== undefined && vault.pushedFingerprint(r.name) !== fp) changed.set(r.name, fp);
  }
  if (changed.size > 0) await vault.markPushed(changed);
  return changed.size;
}

export interface PushCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Failed and skipped (not sent because an earlier failure would repeat). */
  failed: number;
}

export function countResults(results: readonly PushResult[]): PushCounts {
  const counts: PushCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const r of results) {
    if (r.outcome === 'failed' || r.outcome === 'skipped') counts.failed++;
    else counts[r.outcome]++;
  }
  return counts;
}

/** "2 created, 0 updated, 1 unchanged, 0 failed". */
export function summaryText(counts: PushCounts): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`;
}
