// Pure edits of one profile. Each returns a new profile and keeps the order of
// variables: a replaced key stays where it was, a new key goes last, because the
// launched argv follows this order (DESIGN §5).

import { UsageError } from '../lib/errors.js';
import {
  cloudOnlyNameProblem,
  envNameProblem,
  plainValueProblem,
  secretNameProblem,
} from './names.js';
import type { Profile } from './project-schema.js';
import { normalizeProfile } from './project-schema.js';

/** The record with `key` set; built with entries so a key like "__proto__" stays data. */
function withKey(record: Record<string, string>, key: string, value: string) {
  const entries = Object.entries(record);
  const index = entries.findIndex(([k]) => k === key);
  if (index >= 0) entries[index] = [key, value];
  else entries.push([key, value]);
  return Object.fromEntries(entries);
}

function withoutKey(record: Record<string, string>, key: string) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function checkEnvName(name: string): void {
  const problem = envNameProblem(name);
  if (problem) throw new UsageError(`${JSON.stringify(name)}: ${problem}`);
}

/**
 * Adds or replaces the mapping ENV -> secret. `cloudOnly`: the cloud lists this name,
 * so it only has to be safe in an argv, not follow lsec's rule (DESIGN §3).
 */
export function setMapping(
  profile: Profile,
  envName: string,
  secretName: string,
  options: { cloudOnly?: boolean } = {},
): Profile {
  checkEnvName(envName);
  const secretProblem = options.cloudOnly
    ? cloudOnlyNameProblem(secretName)
    : secretNameProblem(secretName);
  if (secretProblem) throw new UsageError(`${JSON.stringify(secretName)}: ${secretProblem}`);
  if (Object.hasOwn(profile.env, envName)) {
    throw new UsageError(
      `${envName} is already a plain variable; one name cannot be both`,
      `remove it first: lsec unenv ${envName}`,
    );
  }
  return normalizeProfile({ ...profile, secrets: withKey(profile.secrets, envName, secretName) });
}

/** Removes the mapping for ENV; refuses when there is none, pointing at unenv when it is plain. */
export function removeMapping(profile: Profile, envName: string): Profile {
  if (!Object.hasOwn(profile.secrets, envName)) {
    const hint = Object.hasOwn(profile.env, envName)
      ? `${envName} is a plain variable; remove it with: lsec unenv ${envName}`
      : undefined;
    throw new UsageError(`${envName} is not mapped to a secret`, hint);
  }
  return normalizeProfile({ ...profile, secrets: withoutKey(profile.secrets, envName) });
}

/** Adds or replaces the plain variable KEY=value. The value is never echoed in errors. */
export function setPlainVar(profile: Profile, key: string, value: string): Profile {
  checkEnvName(key);
  const valueProblem = plainValueProblem(key, value);
  if (valueProblem) throw new UsageError(valueProblem);
  if (Object.hasOwn(profile.secrets, key)) {
    throw new UsageError(
      `${key} is already mapped to the secret ${profile.secrets[key]}; one name cannot be both`,
      `remove the mapping first: lsec unmap ${key}`,
    );
  }
  return normalizeProfile({ ...profile, env: withKey(profile.env, key, value) });
}

/** Removes the plain variable KEY; refuses when there is none, pointing at unmap when mapped. */
export function removePlainVar(profile: Profile, key: string): Profile {
  if (!Object.hasOwn(profile.env, key)) {
    const hint = Object.hasOwn(profile.secrets, key)
      ? `${key} is mapped to a secret; remove it with: lsec unmap ${key}`
      : undefined;
    throw new UsageError(`${key} is not a plain variable`, hint);
  }
  return normalizeProfile({ ...profile, env: withoutKey(profile.env, key) });
}

/** Every mapping to secret `from` now names `to`, in place; returns how many changed. */
export function renameSecretRefs(
  profile: Profile,
  from: string,
  to: string,
): { profile: Profile; count: number } {
  let count = 0;
  const secrets = Object.fromEntries(
    Object.entries(profile.secrets).map(([env, secret]) => {
      if (secret !== from) return [env, secret];
      count++;
      return [env, to];
    }),
  );
  return { profile: count ? normalizeProfile({ ...profile, secrets }) : profile, count };
}
