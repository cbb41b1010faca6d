// A whole push, shared by `lsec push` and the TUI's push screen so both do the same
// steps in the same order: list the cloud (bad credentials fail before any value is
// decrypted), fingerprint the chosen values, plan, send one at a time, then record
// only what the cloud accepted.

import { RuntimeError } from '../lib/errors.js';
import type { Vault } from '../store/vault.js';
import type { ScopedConnection } from './connect.js';
import {
  executePush,
  type GetValue,
  type LocalSecret,
  type OnProgress,
  type PushAction,
  type PushResult,
  planPush,
} from './push.js';
import { listCloudSecrets } from './secrets.js';

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
    const value = vault.reveal(name);
    const entry: LocalSecret = { name, fingerprint: vault.fingerprint(name, value) };
    if (value === '') entry.empty = true;
    local.push(entry);
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

/** `counts` with one more result: failed, skipped and refused all count as failed. */
export function addResult(counts: PushCounts, result: Pick<PushResult, 'outcome'>): PushCounts {
  const o = result.outcome;
  const key = o === 'failed' || o === 'skipped' || o === 'refused' ? 'failed' : o;
  return { ...counts, [key]: counts[key] + 1 };
}

export function countResults(results: readonly PushResult[]): PushCounts {
  return results.reduce(addResult, { created: 0, updated: 0, unchanged: 0, failed: 0 });
}

/** "2 created, 0 updated, 1 unchanged, 0 failed". */
export function summaryText(counts: PushCounts): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`;
}

export interface PushOptions {
  /** Only these names (all of the vault when empty); unknown ones are a UsageError. */
  names: readonly string[];
  force?: boolean;
  /** Plan only: nothing is sent and nothing recorded. */
  dryRun?: boolean;
  /** Values fingerprinted so far. */
  preparing?: (done: number, total: number) => void;
  /** The plan is made; each action then reports through `progress`. */
  planned?: (plan: readonly PushAction[]) => void;
  progress?: OnProgress;
  /** False once the caller is gone (the TUI screen closed): no more values are read. */
  alive?: () => boolean;
}

export interface PushOutcome {
  plan: PushAction[];
  results: PushResult[];
  counts: PushCounts;
}

/** The one push: list, fingerprint, plan, send, record. */
export async function pushVault(
  conn: Pick<ScopedConnection, 'client' | 'scope'>,
  vault: Vault,
  options: PushOptions,
): Promise<PushOutcome> {
  const remote = await listCloudSecrets(conn.client, conn.scope);
  const { names } = options;
  const selected =
    names.length > 0 ? names.filter((n) => vault.has(n)) : vault.list().map((s) => s.name);
  const { local, lastPushed } = await pushInputs(vault, selected, options.preparing);
  const plan = planPush({ local, lastPushed, remote, names, force: options.force });
  options.planned?.(plan);
  if (options.dryRun) return { plan, results: [], counts: countResults([]) };
  const getValue: GetValue = (name) => {
    if (options.alive && !options.alive())
      throw new RuntimeError('not sent: the push was stopped (the screen closed)');
    return vault.reveal(name);
  };
  const results = await executePush(conn.client, conn.scope, plan, getValue, options.progress);
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
  return { plan, results, counts: countResults(results) };
}
