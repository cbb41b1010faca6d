// Which Lightning project (teamspace) secrets are checked in and sent to. Lightning's
// app CLI takes LIGHTNING_CLOUD_PROJECT_ID, else the FIRST membership, ignoring
// `isDefault` (reference/lightning.md §5-§6): lsec does exactly the same, so what it
// verifies is what Lightning will look in. A launch then pins the choice in the
// child's environment (src/launch/child-env.ts).

import { RuntimeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { CloudError } from './cloud-error.js';
import type { CloudClient } from './http.js';
import { expectList, expectObject } from './shape.js';

export interface Project {
  projectId: string;
  name: string;
  /** How it was chosen, for messages: `LIGHTNING_CLOUD_PROJECT_ID`, `first membership`… */
  source: string;
  /** One line for stderr when the project was picked among several. */
  note?: string;
}

/** The memberships to choose among: GET /v1/memberships unless the caller already has it. */
export type MembershipList = () => Promise<Membership[]>;

export interface Membership {
  projectId: string;
  name: string;
  displayName?: string;
  ownerId?: string;
  ownerType?: string;
}

/** Lightning's own words (PL utilities/cloud.py `_get_project`). */
export const PROJECT_ID_NOT_FOUND =
  'Environment variable `LIGHTNING_CLOUD_PROJECT_ID` is set but could not find an associated project.';
export const NO_PROJECTS =
  'No valid projects found. Please reach out to lightning.ai team to create a project';

/**
 * The project Lightning's app CLI would use: LIGHTNING_CLOUD_PROJECT_ID, else the
 * profile's `project` (a name or id among the memberships), else the first membership.
 * The variable comes first because the launched CLI reads it too and lsec never
 * overrides a value the user set.
 */
export async function selectProject(
  client: CloudClient,
  env: NodeJS.ProcessEnv = process.env,
  profileProject?: string,
  memberships: MembershipList = () => listMemberships(client),
): Promise<Project> {
  const fromEnv = env.LIGHTNING_CLOUD_PROJECT_ID?.trim();
  if (fromEnv) {
    const project = await projectById(client, fromEnv);
    const wanted = profileProject?.trim();
    if (wanted && wanted !== project.projectId && wanted !== project.name) {
      project.note = `LIGHTNING_CLOUD_PROJECT_ID (${safeLine(fromEnv)}) overrides the profile's project ${safeLine(wanted)}`;
    }
    return project;
  }
  const wanted = profileProject?.trim();
  if (wanted) return projectByWish(client, wanted, 'the profile\'s "project"', memberships);
  return firstMembership(client, memberships);
}

/** The first membership, as Lightning takes it; says so when there were several. */
export async function firstMembership(
  client: CloudClient,
  memberships: MembershipList = () => listMemberships(client),
): Promise<Project> {
  const list = await memberships();
  const first = list[0];
  if (!first) {
    throw new RuntimeError(
      NO_PROJECTS,
      'create a teamspace on lightning.ai, or set LIGHTNING_CLOUD_PROJECT_ID',
    );
  }
  const project: Project = {
    projectId: first.projectId,
    name: shownName(first),
    source: 'first membership',
  };
  if (list.length > 1) {
    project.note = `Defaulting to the project: ${safeLine(project.name)} (first of ${list.length}, as Lightning does); set "project" in the profile or LIGHTNING_CLOUD_PROJECT_ID to choose`;
  }
  return project;
}

/**
 * A project named by the user (the profile's `project`): a membership whose id,
 * name or display name is `wanted`. Unknown is a usage problem listing the choices.
 */
export async function projectByWish(
  client: CloudClient,
  wanted: string,
  source: string,
  memberships: MembershipList = () => listMemberships(client),
): Promise<Project> {
  const list = await memberships();
  const byId = list.find((m) => m.projectId === wanted);
  const byName = list.filter((m) => m.name === wanted || m.displayName === wanted);
  const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
  if (found) return { projectId: found.projectId, name: shownName(found), source };
  if (byName.length > 1) {
    throw new UsageError(
      `${source} ${safeLine(wanted)} names ${byName.length} projects`,
      `use the id instead: ${describeMemberships(byName)}`,
    );
  }
  throw new UsageError(
    `${source} ${safeLine(wanted)} is not one of your projects`,
    list.length > 0
      ? `use a name or id of: ${describeMemberships(list)}`
      : 'your account has no project; create a teamspace on lightning.ai',
  );
}

/** "name (id), name (id)", at most 10. */
export function describeMemberships(list: readonly Membership[]): string {
  const shown = list
    .slice(0, 10)
    .map((m) => `${safeLine(shownName(m))} (${safeLine(m.projectId)})`);
  if (list.length > 10) shown.push(`… ${list.length - 10} more`);
  return shown.join(', ');
}

/** GET /v1/memberships, in the server's order, entries without a project id left out. */
export async function listMemberships(client: CloudClient, query = ''): Promise<Membership[]> {
  const path = `/v1/memberships${query}`;
  const raw = expectList(await client.get(path), 'memberships', client.urlOf(path));
  const list: Membership[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const m = item as Record<string, unknown>;
    if (typeof m.projectId !== 'string' || m.projectId === '') continue;
    const entry: Membership = {
      projectId: m.projectId,
      name: typeof m.name === 'string' ? m.name : '',
    };
    if (typeof m.displayName === 'string' && m.displayName !== '')
      entry.displayName = m.displayName;
    if (typeof m.ownerId === 'string') entry.ownerId = m.ownerId;
    if (typeof m.ownerType === 'string') entry.ownerType = m.ownerType;
    list.push(entry);
  }
  return list;
}

async function projectById(client: CloudClient, id: string): Promise<Project> {
  const path = `/v1/projects/${encodeURIComponent(id)}`;
  let answer: unknown;
  try {
    answer = await client.get(path);
  } catch (error) {
    if (error instanceof CloudError && error.status === 404) {
      throw new UsageError(
        PROJECT_ID_NOT_FOUND,
        `no project has the id ${safeLine(id)}: unset it to use your first project, or copy the id from lightning.ai`,
      );
    }
    throw error;
  }
  const record = expectObject(answer, client.urlOf(path));
  const name = shownName({
    projectId: id,
    name: typeof record.name === 'string' ? record.name : '',
    displayName: typeof record.displayName === 'string' ? record.displayName : undefined,
  });
  return { projectId: id, name, source: 'LIGHTNING_CLOUD_PROJECT_ID' };
}

/** The display name, else the name, else the id. */
export function shownName(m: Membership): string {
  for (const candidate of [m.displayName, m.name]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
  }
  return m.projectId;
}

/** "my-project (project-1)" for messages. */
export function projectLabel(project: Pick<Project, 'name' | 'projectId'>): string {
  return project.name === project.projectId
    ? safeLine(project.name)
    : `${safeLine(project.name)} (${safeLine(project.projectId)})`;
}
