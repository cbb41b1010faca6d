// Which Lightning project secrets go to. Lightning's own client silently takes the
// first membership (reference/lightning.md §7.8); we prefer the default one and say
// which we chose whenever there was a choice.

import { RuntimeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { CloudError } from './cloud-error.js';
import type { CloudClient } from './http.js';

export interface Project {
  projectId: string;
  name: string;
  /** One line for stderr when the project was picked among several. */
  note?: string;
}

interface Membership {
  projectId?: unknown;
  name?: unknown;
  displayName?: unknown;
  isDefault?: unknown;
}

export async function selectProject(
  client: CloudClient,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Project> {
  const chosen = env.LIGHTNING_CLOUD_PROJECT_ID?.trim();
  if (chosen) return projectById(client, chosen);

  const answer = (await client.get('/v1/memberships')) as { memberships?: unknown } | null;
  // Protobuf JSON leaves out empty lists, so a missing field means "none".
  const list = Array.isArray(answer?.memberships) ? (answer.memberships as Membership[]) : [];
  const usable = list.filter(
    (m): m is Membership & { projectId: string } =>
      typeof m === 'object' && m !== null && typeof m.projectId === 'string' && m.projectId !== '',
  );
  const first = usable[0];
  if (!first) {
    throw new RuntimeError(
      'your Lightning account has no project to hold secrets',
      'create a project (teamspace) on lightning.ai, or set LIGHTNING_CLOUD_PROJECT_ID',
    );
  }
  const preferred = usable.find((m) => m.isDefault === true);
  const picked = preferred ?? first;
  const name = displayName(picked, picked.projectId);
  const project: Project = { projectId: picked.projectId, name };
  if (usable.length > 1) {
    const why = preferred ? 'default' : 'first';
    project.note = `Using project ${safeLine(name)} (${why} of ${usable.length}); set LIGHTNING_CLOUD_PROJECT_ID to choose`;
  }
  return project;
}

async function projectById(client: CloudClient, id: string): Promise<Project> {
  let answer: unknown;
  try {
    answer = await client.get(`/v1/projects/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof CloudError && error.status === 404) {
      throw new UsageError(
        `LIGHTNING_CLOUD_PROJECT_ID is set but no such project exists: ${safeLine(id)}`,
        'unset it to use your default project, or copy the id from lightning.ai',
      );
    }
    throw error;
  }
  return { projectId: id, name: displayName(answer as Membership | null, id) };
}

function displayName(record: Membership | null, fallback: string): string {
  for (const candidate of [record?.displayName, record?.name]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
  }
  return fallback;
}
