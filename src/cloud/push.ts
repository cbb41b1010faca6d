// Pushing vault secrets to the cloud: a pure plan (what would be sent, shown by
// --dry-run) and an executor that applies it one secret at a time.

import { describeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { CloudError } from './cloud-error.js';
import type { CloudClient } from './http.js';
import {
  createCloudSecret,
  findSecret,
  listCloudSecrets,
  type SecretScope,
  updateCloudSecret,
} from './secrets.js';

export interface LocalSecret {
  name: string;
  /** Computed by the vault (an HMAC of the value); only compared here. */
  fingerprint: string;
  /** The value is empty: today's Lightning refuses it ("Secret value cannot be empty."). */
  empty?: boolean;
}

export type PushAction =
  | { kind: 'create'; name: string; reason: 'new' | 'missing-in-cloud' }
  | { kind: 'update'; name: string; id: string; reason: 'changed' | 'forced' | 'untracked' }
  | { kind: 'unchanged'; name: string; id: string }
  /** Not sent: the cloud would refuse it (name rule, empty value). */
  | { kind: 'refused'; name: string; error: string; hint: string };

/** Today's name rule for teamspace and user secrets (SDK cli/utils/configuration.py). */
export const CLOUD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why the cloud would refuse this secret, or undefined. Never renames anything. */
export function refusal(secret: LocalSecret): { error: string; hint: string } | undefined {
  const name = secret.name;
  if (!CLOUD_NAME.test(name)) {
    const suggested = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1');
    return {
      error: `today's Lightning takes only letters, digits and "_" in a secret name`,
      hint: `rename it in the vault first: lsec mv ${safeLine(name)} ${safeLine(suggested)} (and update its mappings)`,
    };
  }
  if (secret.empty) {
    return {
      error: 'the value is empty, and the cloud refuses empty values',
      hint: `give it a value with: lsec set ${safeLine(name)}`,
    };
  }
  return undefined;
}

export interface PushPlanInput {
  local: readonly LocalSecret[];
  /** Fingerprint of each value as last pushed from this vault. */
  lastPushed: ReadonlyMap<string, string>;
  remote: readonly { id: string; name: string }[];
  /** Only these secrets, in this order; empty or absent means all local ones. */
  names?: readonly string[];
  /** Update secrets that look unchanged too. */
  force?: boolean;
}

/** One action per selected secret. Throws UsageError when a requested name is not local. */
export function planPush(input: PushPlanInput): PushAction[] {
  const local = new Map(input.local.map((s) => [s.name, s.fingerprint]));
  const remoteIds = new Map<string, string>();
  for (const secret of input.remote) {
    if (!remoteIds.has(secret.name)) remoteIds.set(secret.name, secret.id);
  }
  const selected =
    input.names && input.names.length > 0
      ? [...new Set(input.names)]
      : input.local.map((s) => s.name);
  const unknown = selected.filter((name) => !local.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `not in the vault: ${unknown.map(safeLine).join(', ')}`,
      'names are exact and case-sensitive; `lsec list` shows them',
    );
  }
  const byName = new Map(input.local.map((s) => [s.name, s]));
  return selected.map((name): PushAction => {
    const refused = refusal(byName.get(name)!);
    if (refused) return { kind: 'refused', name, ...refused };
    const id = remoteIds.get(name);
    const pushed = input.lastPushed.get(name);
    if (id === undefined) {
      return { kind: 'create', name, reason: pushed === undefined ? 'new' : 'missing-in-cloud' };
    }
    if (input.force) return { kind: 'update', name, id, reason: 'forced' };
    // Without a record of our own push we cannot know what the cloud holds.
    if (pushed === undefined) return { kind: 'update', name, id, reason: 'untracked' };
    if (pushed !== local.get(name)) return { kind: 'update', name, id, reason: 'changed' };
    return { kind: 'unchanged', name, id };
  });
}

export interface PushResult {
  name: string;
  action: PushAction['kind'];
  /** `updated` also covers a create that found the name taken (409) and updated it. */
  outcome: 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped' | 'refused';
  ok: boolean;
  /** The cloud id, when known. */
  id?: string;
  error?: string;
  hint?: string;
}

export type GetValue = (name: string) => string | Promise<string>;
export type OnProgress = (result: PushResult, done: number, total: number) => void;

/**
 * Applies the plan in order. A failed secret does not stop the others; only a
 * failure that every later request would repeat (credentials, no connection, no
 * answer) marks the rest as skipped, so a dead network costs one timeout, not N.
 */
export async function executePush(
  client: CloudClient,
  scope: SecretScope,
  plan: readonly PushAction[],
  getValue: GetValue,
  onProgress?: OnProgress,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  let stoppedBy: string | undefined;
  try {
    for (const action of plan) {
      const result = await runOne(client, scope, action, getValue, stoppedBy);
      if (result.outcome === 'failed' && result.stop) stoppedBy = result.name;
      const { stop: _stop, ...clean } = result;
      results.push(clean);
      onProgress?.(clean, results.length, plan.length);
    }
    return results;
  } finally {
    client.forgetSent();
  }
}

async function runOne(
  client: CloudClient,
  scope: SecretScope,
  action: PushAction,
  getValue: GetValue,
  stoppedBy: string | undefined,
): Promise<PushResult & { stop?: boolean }> {
  const base = { name: action.name, action: action.kind };
  if (action.kind === 'unchanged') {
    return { ...base, outcome: 'unchanged', ok: true, id: action.id };
  }
  if (action.kind === 'refused') {
    return { ...base, outcome: 'refused', ok: false, error: action.error, hint: action.hint };
  }
  if (stoppedBy !== undefined) {
    const error = `not sent: pushing ${safeLine(stoppedBy)} failed in a way every secret would`;
    return { ...base, outcome: 'skipped', ok: false, error };
  }
  try {
    const value = await getValue(action.name);
    if (action.kind === 'update') {
      const updated = await updateCloudSecret(client, scope, action.id, value);
      return { ...base, outcome: 'updated', ok: true, id: updated.id };
    }
    return { ...base, ok: true, ...(await createOrAdopt(client, scope, action.name, value)) };
  } catch (error) {
    const { message, hint } = describeError(error);
    const stop = error instanceof CloudError && error.affectsAll;
    return { ...base, outcome: 'failed', ok: false, error: message, hint, stop };
  }
}

/**
 * Creates the secret; when the cloud says the name is taken (someone created it
 * since we listed), lists once and updates that id. The POST itself is never
 * repeated, so a half-finished create cannot turn into a duplicate.
 */
async function createOrAdopt(
  client: CloudClient,
  scope: SecretScope,
  name: string,
  value: string,
): Promise<{ outcome: 'created' | 'updated'; id: string }> {
  try {
    const created = await createCloudSecret(client, scope, name, value);
    return { outcome: 'created', id: created.id };
  } catch (error) {
    if (!(error instanceof CloudError && error.status === 409)) throw error;
  }
  const existing = findSecret(await listCloudSecrets(client, scope), name);
  if (!existing) {
    throw new CloudError(
      `the cloud says ${safeLine(name)} already exists but does not list it among its plain secrets`,
      'http',
      409,
      'another kind of secret may hold the name; choose another name',
    );
  }
  const updated = await updateCloudSecret(client, scope, existing.id, value);
  return { outcome: 'updated', id: updated.id };
}
