// Cloud secrets over REST (reference/lightning.md §6, lightning-today.md §a): a
// teamspace's (`/v1/projects/{id}/secrets`) or the user's own (`/v1/secrets`). The
// server never returns a value, and update and delete take the id, so by-name work
// starts with a list. Every answer's shape is checked (shape.ts).

import type { CloudClient } from './http.js';
import { expectList, expectObject, unexpected } from './shape.js';

export interface RemoteSecret {
  id: string;
  name: string;
  createdAt?: string;
  updatedAt?: string;
  /** Unset or SECRET_TYPE_UNSPECIFIED for plain (generic) secrets. */
  type?: string;
}

/** Where secrets live: a teamspace (a project on the wire) or the user's own. */
export type SecretScope = { kind: 'teamspace'; projectId: string } | { kind: 'user' };

export const GENERIC_TYPE = 'SECRET_TYPE_UNSPECIFIED';

export function teamspaceScope(projectId: string): SecretScope {
  return { kind: 'teamspace', projectId };
}

function secretsPath(scope: SecretScope, id?: string): string {
  const base =
    scope.kind === 'user'
      ? '/v1/secrets'
      : `/v1/projects/${encodeURIComponent(scope.projectId)}/secrets`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

/** A plain secret, the env-var kind the SDK lists and sets (not a registry login…). */
export function isGeneric(secret: RemoteSecret): boolean {
  return secret.type === undefined || secret.type === GENERIC_TYPE;
}

/**
 * The scope's secrets. By default only generic ones, as the SDK's list shows; `all`
 * keeps every type, as Lightning's app CLI resolves `--secret` names among them all.
 */
export async function listCloudSecrets(
  client: CloudClient,
  scope: SecretScope,
  options: { all?: boolean } = {},
): Promise<RemoteSecret[]> {
  const path = secretsPath(scope);
  const raw = expectList(await client.get(path), 'secrets', client.urlOf(path));
  const secrets: RemoteSecret[] = [];
  for (const item of raw) {
    const secret = toSecret(item);
    if (!secret) throw unexpected(client.urlOf(path), 'a secret without a string id and name');
    if (options.all || isGeneric(secret)) secrets.push(secret);
  }
  return secrets;
}

/** Exact, case-sensitive match, as Lightning resolves `--secret` names. */
export function findSecret(
  secrets: readonly RemoteSecret[],
  name: string,
): RemoteSecret | undefined {
  return secrets.find((s) => s.name === name);
}

export async function createCloudSecret(
  client: CloudClient,
  scope: SecretScope,
  name: string,
  value: string,
): Promise<RemoteSecret> {
  const path = secretsPath(scope);
  // The SDK sets the type on a teamspace create only; user secrets take none.
  const body = scope.kind === 'teamspace' ? { name, type: GENERIC_TYPE, value } : { name, value };
  return answered(client, path, await client.post(path, body), 'created the secret');
}

export async function updateCloudSecret(
  client: CloudClient,
  scope: SecretScope,
  id: string,
  value: string,
): Promise<RemoteSecret> {
  const path = secretsPath(scope, id);
  return answered(client, path, await client.put(path, { value }), 'updated the secret');
}

export async function deleteCloudSecret(
  client: CloudClient,
  scope: SecretScope,
  id: string,
): Promise<void> {
  const path = secretsPath(scope, id);
  expectObject(await client.delete(path), client.urlOf(path));
}

function toSecret(item: unknown): RemoteSecret | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, name, createdAt, updatedAt, type } = item as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return undefined;
  const secret: RemoteSecret = { id, name };
  if (typeof createdAt === 'string') secret.createdAt = createdAt;
  if (typeof updatedAt === 'string') secret.updatedAt = updatedAt;
  if (typeof type === 'string') secret.type = type;
  return secret;
}

// The write went through; only its answer is odd, so say so rather than "failed".
function answered(client: CloudClient, path: string, answer: unknown, done: string): RemoteSecret {
  const secret = toSecret(answer);
  if (secret) return secret;
  throw unexpected(client.urlOf(path), `something other than a secret (it ${done})`);
}
