// Which teamspace `push`, `remote` and `remote rm` work in, resolved as the SDK does
// (reference/lightning-today.md §e): --teamspace, else LIGHTNING_TEAMSPACE (with
// LIGHTNING_ORG / LIGHTNING_USERNAME as owner), else ~/.lightning/config.yaml, else the
// project Lightning's app CLI would use. A profile's "project" comes right after the
// flag: it is this folder's explicit choice, and launch verifies in it too.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { CloudError } from './cloud-error.js';
import type { CloudClient } from './http.js';
import {
  describeMemberships,
  listMemberships,
  type Membership,
  type Project,
  projectByWish,
  selectProject,
  shownName,
} from './project.js';

export interface TeamspaceWish {
  /** `--teamspace OWNER/NAME` or a bare name. */
  flag?: string;
  /** The profile's `project` (a name or id). */
  profile?: string;
}

/** The teamspace chosen, and `owner/name` as the SDK reads it, when the owner is known. */
export interface Teamspace extends Project {
  slug?: string;
}

interface Slug {
  owner?: string;
  name: string;
  source: string;
}

/** ~/.lightning/config.yaml, the SDK's config file (utils/config.py). */
export function configPath(env: NodeJS.ProcessEnv): string {
  return join(env.HOME?.trim() || homedir(), '.lightning', 'config.yaml');
}

function splitSlug(text: string, source: string, owner?: string): Slug {
  const slash = text.indexOf('/');
  if (slash < 0) return { owner, name: text, source };
  return { owner: text.slice(0, slash), name: text.slice(slash + 1), source };
}

/** `teamspace.name` and its owner from the SDK's config file, when set. */
async function fromConfig(env: NodeJS.ProcessEnv): Promise<Slug | undefined> {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // No config: the SDK goes on to the next source too.
  }
  // Loaded only here: no other command pays for a YAML parser at start-up. The
  // bundle gets yaml's CommonJS build, whose exports sit under `default`.
  const yaml = await import('yaml');
  const parse = yaml.parse ?? (yaml as unknown as { default: typeof yaml }).default.parse;
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    throw new UsageError(
      `${safeLine(path)} is not valid YAML`,
      'fix it, or run `lightning config set teamspace OWNER/NAME`',
    );
  }
  const get = (section: string, key: string): string | undefined => {
    const block = (data as Record<string, unknown> | null)?.[section];
    const value = (block as Record<string, unknown> | null | undefined)?.[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const name = get('teamspace', 'name');
  if (!name) return undefined;
  const owner = get('teamspace', 'owner') ?? get('organization', 'name') ?? get('user', 'name');
  return splitSlug(name, '~/.lightning/config.yaml', owner);
}

/**
 * The GETs one resolution may need in more than one step, each asked once: the
 * membership lists (the choice is made from one, and its owner is read from it)
 * and the signed-in user (an owner's id, then the owner's name).
 */
class Lookups {
  private readonly lists = new Map<string, Promise<Membership[]>>();
  private user: Promise<Record<string, unknown> | undefined> | undefined;

  constructor(readonly client: CloudClient) {}

  memberships(query = ''): Promise<Membership[]> {
    let list = this.lists.get(query);
    if (!list) {
      list = listMemberships(this.client, query);
      this.lists.set(query, list);
    }
    return list;
  }

  me(): Promise<Record<string, unknown> | undefined> {
    this.user ??= optional(this.client, '/v1/auth/user');
    return this.user;
  }

  /** A project's membership: from a list already asked for (the choice's), else a new one. */
  async membership(projectId: string): Promise<Membership | undefined> {
    for (const list of [...this.lists.values()]) {
      const found = (await list).find((m) => m.projectId === projectId);
      if (found) return found;
    }
    return (await this.memberships()).find((m) => m.projectId === projectId);
  }
}

/** The teamspace to use and where that choice came from. */
export function resolveTeamspace(
  client: CloudClient,
  env: NodeJS.ProcessEnv,
  wish: TeamspaceWish = {},
): Promise<Project> {
  return choose(new Lookups(client), env, wish);
}

async function choose(
  look: Lookups,
  env: NodeJS.ProcessEnv,
  wish: TeamspaceWish,
): Promise<Project> {
  const { client } = look;
  const list = () => look.memberships();
  const flag = wish.flag?.trim();
  if (flag) return bySlug(look, splitSlug(flag, '--teamspace'));
  const profile = wish.profile?.trim();
  if (profile) return projectByWish(client, profile, 'the profile\'s "project"', list);
  const named = env.LIGHTNING_TEAMSPACE?.trim();
  if (named) {
    const owner = env.LIGHTNING_ORG?.trim() || env.LIGHTNING_USERNAME?.trim() || undefined;
    return bySlug(look, splitSlug(named, 'LIGHTNING_TEAMSPACE', owner));
  }
  const configured = await fromConfig(env);
  if (configured) return bySlug(look, configured);
  return selectProject(client, env, undefined, list);
}

/**
 * The `--teamspace` value click would take from an argv (the last one wins), if any.
 * A launched `lightning deployment …` reads it before any environment or config.
 */
export function teamspaceInArgs(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') break;
    if (word === '--teamspace') found = args[++i];
    else if (word.startsWith('--teamspace=')) found = word.slice('--teamspace='.length);
  }
  return found;
}

/**
 * The teamspace `lightning deployment …` will use, with its `owner/name`: the
 * argv's --teamspace, else LIGHTNING_TEAMSPACE, else the profile's `project`, else
 * the SDK's config file, else the legacy project choice. LIGHTNING_TEAMSPACE comes
 * before the profile here because the launched SDK reads it and lsec never overrides
 * it, so verifying anywhere else would check the wrong teamspace.
 */
export async function deploymentTeamspace(
  client: CloudClient,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  project?: string,
): Promise<Teamspace> {
  const flag = teamspaceInArgs(args);
  const profile = env.LIGHTNING_TEAMSPACE?.trim() ? undefined : project;
  // One set of lookups for the choice and its slug: nothing is asked twice.
  const look = new Lookups(client);
  const chosen = await choose(look, env, { flag, profile });
  const slug = await slugOf(look, chosen);
  return slug ? { ...chosen, slug } : chosen;
}

/** `owner/name` of a project: its membership's name and its owner's org or user name. */
async function slugOf(look: Lookups, project: Project): Promise<string | undefined> {
  const m = await look.membership(project.projectId);
  if (!m?.ownerId || m.name === '') return undefined;
  let owner: string | undefined;
  if (m.ownerType === 'organization') {
    const org = await optional(look.client, `/v1/orgs/${encodeURIComponent(m.ownerId)}`);
    if (typeof org?.name === 'string') owner = org.name;
  } else {
    const me = await look.me();
    if (me?.id === m.ownerId && typeof me.username === 'string') owner = me.username;
  }
  return owner ? `${owner}/${m.name}` : undefined;
}

/**
 * The membership named `slug.name` (its name or display name) and owned by
 * `slug.owner` when one is given. The owner's id is looked up only when the name
 * alone is not enough: as an organization first, then as a user, as the SDK does.
 */
async function bySlug(look: Lookups, slug: Slug): Promise<Project> {
  const all = await look.memberships('?filterByUserId=true');
  const named = all.filter((m) => m.name === slug.name || m.displayName === slug.name);
  const label = slug.owner ? `${slug.owner}/${slug.name}` : slug.name;
  const pick = (m: Membership): Project => ({
    projectId: m.projectId,
    name: shownName(m),
    source: slug.source,
  });
  if (named.length === 0) throw missing(label, slug.source, all);
  if (!slug.owner) {
    if (named.length === 1) return pick(named[0]!);
    throw new UsageError(
      `${safeLine(slug.name)} is no unique name for a Teamspace (from ${slug.source})`,
      `give the owner too, as OWNER/${safeLine(slug.name)}`,
    );
  }
  const ownerIds = await ownerIdsOf(look, slug.owner);
  const owned = named.filter((m) => m.ownerId !== undefined && ownerIds.includes(m.ownerId));
  if (owned.length === 1) return pick(owned[0]!);
  if (owned.length > 1) {
    throw new UsageError(`${safeLine(label)} is no unique name for a Teamspace`);
  }
  throw missing(label, slug.source, all);
}

function missing(label: string, source: string, all: readonly Membership[]): UsageError {
  return new UsageError(
    `Teamspace ${safeLine(label)} does not exist (from ${source})`,
    all.length > 0
      ? `your teamspaces: ${describeMemberships(all)}`
      : 'your account has no teamspace; create one on lightning.ai',
  );
}

/** Ids the owner name may stand for: an organization's, then a user's. */
async function ownerIdsOf(look: Lookups, owner: string): Promise<string[]> {
  const { client } = look;
  const ids: string[] = [];
  const org = await optional(client, `/v1/orgs/?name=${encodeURIComponent(owner)}`);
  if (typeof org?.id === 'string' && org.id !== '') ids.push(org.id);
  const me = await look.me();
  if (typeof me?.id === 'string' && me.username === owner) {
    ids.push(me.id);
    return ids;
  }
  const found = await optional(client, `/v1/users/search?query=${encodeURIComponent(owner)}`);
  const users = Array.isArray(found?.users) ? (found.users as Record<string, unknown>[]) : [];
  for (const u of users) {
    if (u && u.username === owner && typeof u.id === 'string') ids.push(u.id);
  }
  return ids;
}

/** A lookup whose 404 means "no such thing". */
async function optional(
  client: CloudClient,
  path: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    const answer = await client.get(path);
    return typeof answer === 'object' && answer !== null && !Array.isArray(answer)
      ? (answer as Record<string, unknown>)
      : undefined;
  } catch (error) {
    if (error instanceof CloudError && error.status === 404) return undefined;
    throw error;
  }
}
