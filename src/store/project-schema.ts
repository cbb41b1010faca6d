// The project file's shape (DESIGN §4), checked by hand. Reading only checks types:
// bad env or secret names are left to the launch pre-flight, which lists every
// problem at once instead of refusing to open the file.

export const PROJECT_VERSION = 1;
export const PROJECT_FILE = '.lsec.json';
export const DEFAULT_PROFILE = 'default';

export interface Profile {
  app?: string;
  cloud?: boolean;
  name?: string;
  /** Plain variables, KEY -> value, in the order they were added. */
  env: Record<string, string>;
  /** Mappings, ENV -> secret name, in the order they were added. */
  secrets: Record<string, string>;
  args?: string[];
  /** The cloud project (teamspace) by name or id; pins LIGHTNING_CLOUD_PROJECT_ID. */
  project?: string;
  /** What a cloud launch starts: `run app` (default) or `deployment create|update`. */
  target?: Target;
  /** Where `push`/`remote` keep secrets on today's platform (default teamspace). */
  scope?: Scope;
}

export const TARGETS = ['app', 'deployment'] as const;
export type Target = (typeof TARGETS)[number];
export const SCOPES = ['teamspace', 'user'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ProjectData {
  version: typeof PROJECT_VERSION;
  profiles: Record<string, Profile>;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const TOP_KEYS = ['version', 'profiles'];
const PROFILE_KEYS = [
  'app',
  'cloud',
  'name',
  'env',
  'secrets',
  'args',
  'project',
  'target',
  'scope',
];
const MAX_REPORTED = 5;

/** Why `name` cannot name a profile; undefined when it can. */
export function profileNameProblem(name: string): string | undefined {
  if (PROFILE_NAME.test(name)) return undefined;
  return `profile names start with a letter or digit and hold only letters, digits, ".", "_" and "-" (got ${JSON.stringify(name)})`;
}

export function emptyProfile(): Profile {
  return { env: {}, secrets: {} };
}

export function emptyProject(): ProjectData {
  return { version: PROJECT_VERSION, profiles: {} };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** `profiles.default.env.FOO`, quoting keys that would make the path ambiguous. */
function at(path: string, key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

/** A string-to-string object; Object.fromEntries keeps keys like "__proto__" as plain data. */
function stringRecord(value: unknown, path: string, problems: string[]): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${path} must be an object (it is ${typeName(value)})`);
    return {};
  }
  const entries: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') entries.push([key, item]);
    else problems.push(`${at(path, key)} must be a string (it is ${typeName(item)})`);
  }
  return Object.fromEntries(entries);
}

function checkProfile(value: unknown, path: string, problems: string[]): Profile {
  if (!isObject(value)) {
    problems.push(`${path} must be an object (it is ${typeName(value)})`);
    return emptyProfile();
  }
  for (const key of Object.keys(value)) {
    if (!PROFILE_KEYS.includes(key)) {
      problems.push(`${at(path, key)} is not a known field (known: ${PROFILE_KEYS.join(', ')})`);
    }
  }
  const profile: Profile = { env: {}, secrets: {} };
  const { app, cloud, name, args, project, target, scope } = value;
  if (app !== undefined) {
    if (typeof app === 'string') profile.app = app;
    else problems.push(`${path}.app must be a string (it is ${typeName(app)})`);
  }
  if (cloud !== undefined) {
    if (typeof cloud === 'boolean') profile.cloud = cloud;
    else problems.push(`${path}.cloud must be true or false (it is ${typeName(cloud)})`);
  }
  if (name !== undefined) {
    if (typeof name === 'string') profile.name = name;
    else problems.push(`${path}.name must be a string (it is ${typeName(name)})`);
  }
  if (project !== undefined) {
    if (typeof project === 'string' && project !== '') profile.project = project;
    else problems.push(`${path}.project must be a non-empty string (it is ${typeName(project)})`);
  }
  if (target !== undefined) {
    if ((TARGETS as readonly unknown[]).includes(target)) profile.target = target as Target;
    else
      problems.push(
        `${path}.target must be one of ${TARGETS.join(', ')} (it is ${JSON.stringify(target)})`,
      );
  }
  if (scope !== undefined) {
    if ((SCOPES as readonly unknown[]).includes(scope)) profile.scope = scope as Scope;
    else
      problems.push(
        `${path}.scope must be one of ${SCOPES.join(', ')} (it is ${JSON.stringify(scope)})`,
      );
  }
  profile.env = stringRecord(value.env, `${path}.env`, problems);
  profile.secrets = stringRecord(value.secrets, `${path}.secrets`, problems);
  if (args !== undefined) {
    if (!Array.isArray(args)) {
      problems.push(`${path}.args must be an array of strings (it is ${typeName(args)})`);
    } else {
      args.forEach((arg, i) => {
        if (typeof arg !== 'string') {
          problems.push(`${path}.args[${i}] must be a string (it is ${typeName(arg)})`);
        }
      });
      profile.args = args.filter((arg): arg is string => typeof arg === 'string');
    }
  }
  return normalizeProfile(profile);
}

/**
 * Checks parsed JSON against DESIGN §4; returns the data, or the problems found
 * (each a dotted path and what is wrong, never a value).
 */
export function checkProject(raw: unknown): { data: ProjectData; problems: string[] } {
  const problems: string[] = [];
  const data = emptyProject();
  if (!isObject(raw)) {
    problems.push(`the file must hold one JSON object (it holds ${typeName(raw)})`);
    return { data, problems };
  }
  if (raw.version === undefined) {
    problems.push(`version is missing (this lsec reads version ${PROJECT_VERSION})`);
  } else if (raw.version !== PROJECT_VERSION) {
    // A newer file must not be half-read and then rewritten in the old shape.
    problems.push(
      `unknown version ${JSON.stringify(raw.version)} (this lsec reads version ${PROJECT_VERSION})`,
    );
    return { data, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key)) {
      const where = at('', key);
      problems.push(
        `${where.startsWith('.') ? where.slice(1) : where} is not a known field (known: ${TOP_KEYS.join(', ')})`,
      );
    }
  }
  const profiles = raw.profiles ?? {};
  if (!isObject(profiles)) {
    problems.push(`profiles must be an object (it is ${typeName(profiles)})`);
    return { data, problems };
  }
  const entries: [string, Profile][] = [];
  for (const [name, value] of Object.entries(profiles)) {
    const where = at('profiles', name);
    const nameProblem = profileNameProblem(name);
    if (nameProblem) problems.push(`${where}: ${nameProblem}`);
    entries.push([name, checkProfile(value, where, problems)]);
  }
  data.profiles = Object.fromEntries(entries);
  return { data, problems };
}

/** One line listing the problems, capped so a badly broken file stays readable. */
export function summarizeProblems(problems: string[]): string {
  const shown = problems.slice(0, MAX_REPORTED).join('; ');
  const more = problems.length - MAX_REPORTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** The profile with its keys in the file's order (app, cloud, name, env, secrets, args, ...). */
export function normalizeProfile(profile: Profile): Profile {
  const { app, cloud, name, args, project, target, scope } = profile;
  return {
    ...(app !== undefined && { app }),
    ...(cloud !== undefined && { cloud }),
    ...(name !== undefined && { name }),
    env: Object.fromEntries(Object.entries(profile.env ?? {})),
    secrets: Object.fromEntries(Object.entries(profile.secrets ?? {})),
    ...(args !== undefined && { args: [...args] }),
    ...(project !== undefined && { project }),
    ...(target !== undefined && { target }),
    ...(scope !== undefined && { scope }),
  };
}
