// The profile being edited on the mappings screen, in a shape the screen can show:
// one row per vault secret (checked when mapped) and the plain variables in order.
// A Profile cannot hold two mappings with one env name, but a user can tick two
// secrets whose default names clash, so the draft keeps rows and only becomes a
// Profile (toProfile) when it is previewed or saved. Pure: no fs, no React.
import {
  cloudOnlyNameProblem,
  defaultEnvName,
  envNameProblem,
  secretNameProblem,
} from '../../store/names.js';
import type { Profile } from '../../store/project-schema.js';
import { normalizeProfile } from '../../store/project-schema.js';

export interface SecretRow {
  secret: string;
  /** The env name it maps to, or would map to once ticked. */
  env: string;
  /** Place among the mappings (the launch follows it); null when not mapped. */
  order: number | null;
  /** False for a mapping of a secret the vault does not hold (cloud-only, or a typo). */
  inVault: boolean;
  /** Not in the vault but in the cloud (made in the web UI): a cloud launch can use it. */
  cloudOnly?: boolean;
}

export interface PlainVar {
  key: string;
  value: string;
}

export interface Draft {
  /** The profile as loaded: app, cloud, name and args pass through unchanged. */
  base: Profile;
  rows: SecretRow[];
  plain: PlainVar[];
  /** The next `order`: a newly ticked secret goes last, as `lsec map` adds it. */
  nextOrder: number;
}

/** One problem of a row, with a short label for the row itself and the full text for the detail line. */
export interface Issue {
  short: string;
  message: string;
  fix: string;
}

export function draftFrom(profile: Profile, vaultNames: readonly string[]): Draft {
  const mappings = Object.entries(profile.secrets);
  // Each secret's mappings in file order, taken one per vault row: linear, as a
  // profile may map thousands of secrets.
  const bySecret = new Map<string, number[]>();
  mappings.forEach(([, secret], i) => {
    const at = bySecret.get(secret);
    if (at) at.push(i);
    else bySecret.set(secret, [i]);
  });
  const used = new Set<number>();
  const rows: SecretRow[] = vaultNames.map((secret) => {
    const at = bySecret.get(secret)?.shift();
    if (at === undefined)
      return { secret, env: defaultEnvName(secret), order: null, inVault: true };
    used.add(at);
    return { secret, env: mappings[at]![0], order: at, inVault: true };
  });
  // Mappings the vault rows do not show: a second env name for one secret, or a
  // secret the vault lacks. They stay visible so they can be unticked.
  const inVault = new Set(vaultNames);
  mappings.forEach(([env, secret], i) => {
    if (!used.has(i)) rows.push({ secret, env, order: i, inVault: inVault.has(secret) });
  });
  const plain = Object.entries(profile.env).map(([key, value]) => ({ key, value }));
  return { base: profile, rows, plain, nextOrder: mappings.length };
}

/**
 * Offers the cloud's own secrets (`names`: in the cloud, not in the vault) as rows
 * to tick, after the others, and marks mapped ones that turn out to be there. Rows
 * are only added, never removed, so an open editor's row index stays valid.
 */
export function withCloudOnly(draft: Draft, names: readonly string[]): Draft {
  const inCloud = new Set(names);
  const present = new Set(draft.rows.map((r) => r.secret));
  const rows = draft.rows.map((r) =>
    !r.inVault && !r.cloudOnly && inCloud.has(r.secret) ? { ...r, cloudOnly: true } : r,
  );
  const added = names
    .filter((secret) => !present.has(secret))
    .map((secret): SecretRow => {
      return { secret, env: defaultEnvName(secret), order: null, inVault: false, cloudOnly: true };
    });
  if (added.length === 0 && rows.every((r, i) => r === draft.rows[i])) return draft;
  return { ...draft, rows: [...rows, ...added] };
}

/** The draft as a profile, mappings in the order they were ticked. */
export function toProfile(draft: Draft): Profile {
  const mapped = draft.rows
    .filter((r): r is SecretRow & { order: number } => r.order !== null)
    .sort((a, b) => a.order - b.order);
  return normalizeProfile({
    ...draft.base,
    env: Object.fromEntries(draft.plain.map((v) => [v.key, v.value])),
    secrets: Object.fromEntries(mapped.map((r) => [r.env, r.secret])),
  });
}

/** What uses each env name: "plain variable FOO" or "secret aws-key". */
function owners(draft: Draft): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, who: string) => map.set(name, [...(map.get(name) ?? []), who]);
  for (const v of draft.plain) add(v.key, `the plain variable ${v.key}`);
  for (const r of draft.rows) if (r.order !== null) add(r.env, `the secret ${r.secret}`);
  return map;
}

/** Who else uses `name`, leaving out `self`; undefined when nobody does. */
export function usedBy(draft: Draft, name: string, self?: string): string | undefined {
  const others = (owners(draft).get(name) ?? []).filter((who) => who !== self);
  return others.length > 0 ? others.join(' and ') : undefined;
}

export const EQUALS_PROBLEM = '"=" cannot go in a plain value: Lightning splits --env on every "="';
export const EQUALS_FIX =
  'store the value as a secret (Esc, then a on the secrets screen) and map it here';

export interface DraftIssues {
  secrets: Issue[][];
  plain: Issue[][];
  /** Problems that make the profile unsavable (names and values Lightning refuses). */
  count: number;
}

/** The problems the draft itself has; the vault and the cloud are checked by planLaunch. */
export function draftIssues(draft: Draft): DraftIssues {
  const who = owners(draft);
  const twice = (name: string, self: string): Issue | undefined => {
    const others = (who.get(name) ?? []).filter((w) => w !== self);
    if (others.length === 0) return undefined;
    return {
      short: 'used twice',
      message: `${name} is also used by ${others.join(' and ')}`,
      fix: 'one env name can be used once: rename one (e) or untick it',
    };
  };
  const badEnv = (name: string): Issue | undefined => {
    const problem = envNameProblem(name);
    return problem
      ? {
          short: 'bad env name',
          message: `${JSON.stringify(name)}: ${problem}`,
          fix: 'rename it (e)',
        }
      : undefined;
  };
  const secrets = draft.rows.map((r) => {
    if (r.order === null) return [];
    const self = `the secret ${r.secret}`;
    // A cloud-only name only has to be safe in an argv (DESIGN §3).
    const secretProblem = r.cloudOnly
      ? cloudOnlyNameProblem(r.secret)
      : secretNameProblem(r.secret);
    const bad: Issue | undefined = secretProblem
      ? { short: 'bad secret name', message: secretProblem, fix: 'untick it (Space)' }
      : undefined;
    return [badEnv(r.env), twice(r.env, self), bad].filter((i): i is Issue => i !== undefined);
  });
  const plain = draft.plain.map((v) => {
    const equals: Issue | undefined = v.value.includes('=')
      ? { short: '"=" in value', message: EQUALS_PROBLEM, fix: EQUALS_FIX }
      : undefined;
    const self = `the plain variable ${v.key}`;
    return [badEnv(v.key), twice(v.key, self), equals].filter((i): i is Issue => i !== undefined);
  });
  const count = [...secrets, ...plain].reduce((n, list) => n + list.length, 0);
  return { secrets, plain, count };
}
