// Project secrets over REST (reference/lightning.md §6). The server never returns a
// value, and update and delete take the id, so by-name work starts with a list.

import { RuntimeError } from '../lib/errors.js';
import type { CloudClient } from './http.js';

export interface RemoteSecret {
  id: string;
  name: string;
  createdAt?: string;
  updatedAt?: string;
  /** Unset or SECRET_TYPE_UNSPECIFIED for plain secrets. */
  type?: string;
}

function secretsPath(projectId: string, id?: string): string {
  const base = `/v1/projects/${encodeURIComponent(projectId)}/secrets`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

export async function listSecrets(client: CloudClient, projectId: string): Promise<RemoteSecret[]> {
  const answer = (await client.get(secretsPath(projectId))) as { secrets?: unknown } | null;
  // Protobuf JSON leaves out empty lists, so a missing field means "none".
  const raw = answer?.secrets ?? [];
  if (!Array.isArray(raw)) throw malformed('the secret list');
  const secrets: RemoteSecret[] = [];
  for (const item of raw) {
    const secret = toSecret(item);
    if (secret) secrets.push(secret);
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

export async function createSecret(
  client: CloudClient,
  projectId: string,
  name: string,
  value: string,
): Promise<RemoteSecret> {
  const answer = await client.post(secretsPath(projectId), { name, value });
  return toSecret(answer) ?? malformedAnswer('created the secret');
}

export async function updateSecret(
  client: CloudClient,
  projectId: string,
  id: string,
  value: string,
): Promise<RemoteSecret> {
  const answer = await client.put(secretsPath(projectId, id), { value });
  return toSecret(answer) ?? malformedAnswer('updated the secret');
}

export async function deleteSecret(
  client: CloudClient,
  projectId: string,
  id: string,
): Promise<void> {
  await client.delete(secretsPath(projectId, id));
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

function malformed(what: string): RuntimeError {
  return new RuntimeError(
    `the cloud sent ${what} in an unexpected shape`,
    'check that LIGHTNING_CLOUD_URL points at the Lightning API',
  );
}

// The write went through; only its answer is odd, so say so rather than "failed".
function malformedAnswer(done: string): never {
  throw new RuntimeError(
    `the cloud ${done} but answered in an unexpected shape`,
    'check that LIGHTNING_CLOUD_URL points at the Lightning API',
  );
}
