// Pre-flight checks before a launch (DESIGN §5): every problem at once, each with
// its fix, so the user repairs the profile in one pass instead of meeting
// Lightning's tracebacks one by one. Pure: the caller supplies what is on disk,
// in the vault and in the cloud. Messages hold names, never values.

import {
  cloudOnlyNameProblem,
  envNameProblem,
  plainValueProblem,
  secretNameProblem,
} from '../store/names.js';
import type { Profile } from '../store/project-schema.js';
import { isCloud } from './compose.js';

export type ProblemCode =
  | 'app-unset'
  | 'app-missing'
  | 'app-dash'
  | 'name-dash'
  | 'env-name'
  | 'env-duplicate'
  | 'plain-value'
  | 'secret-name'
  | 'secret-not-in-vault'
  | 'secret-not-in-cloud'
  /** A word of the argv the installed release's parser would refuse. */
  | 'argv'
  /** No launcher, or one that cannot do the profile's target. */
  | 'launcher'
  | 'deployment-name'
  | 'deployment-local';

export interface Problem {
  code: ProblemCode;
  /** What the problem is about: the app path, an env name or a secret name. */
  subject: string;
  message: string;
  fix: string;
}

export interface PreflightInput {
  profile: Profile;
  /** `--local`; a profile with `cloud: false` is local anyway. */
  local?: boolean;
  /** Whether the app file exists, or a check for it (called only when an app is set). */
  appExists: boolean | ((app: string) => boolean);
  /** Names of the secrets in the local vault. */
  vaultNames: ReadonlySet<string>;
  /**
   * Names of the secrets in the Lightning project, when they were listed; left out
   * when there are no credentials or the user passed --no-verify.
   */
  cloudNames?: ReadonlySet<string>;
  /**
   * --no-verify in cloud mode: the user vouches that the cloud has every mapped
   * secret (made in the web UI, say), so existence is not checked at all.
   */
  noVerify?: boolean;
}

export function preflight(input: PreflightInput): Problem[] {
  const { profile } = input;
  const target = profile.target === 'deployment' ? deploymentProblems(input) : appProblems(input);
  return [...target, ...envProblems(profile), ...secretProblems(input)];
}

/**
 * The env names and plain values of a profile: the one check every command that puts
 * a profile into an environment runs (`launch`, `show`, `run`), so a name such as
 * `PATH=/tmp` can never slip into a child as a second PATH.
 */
export function envProblems(profile: Profile): Problem[] {
  const problems = plainProblems(profile);
  for (const env of Object.keys(profile.secrets)) {
    const nameProblem = envNameProblem(env);
    if (nameProblem) problems.push(envNameIssue(env, nameProblem, `lsec unmap ${env}`));
  }
  return problems;
}

function deploymentProblems(input: PreflightInput): Problem[] {
  const { name, cloud } = input.profile;
  const problems: Problem[] = [];
  if (name === undefined || name === '') {
    problems.push({
      code: 'deployment-name',
      subject: 'name',
      message: 'a deployment needs a name and this profile has none',
      fix: 'set "name": "my-deployment" in the profile (.lsec.json)',
    });
  } else if (name.startsWith('-')) {
    problems.push({
      code: 'deployment-name',
      subject: name,
      message: `the deployment name ${name} starts with "-"`,
      fix: 'choose a name that starts with a letter or digit',
    });
  }
  if (input.local || cloud === false) {
    problems.push({
      code: 'deployment-local',
      subject: 'target',
      message: 'a deployment runs in the cloud; this asks for a local run',
      fix: 'run it here with lsec run -- CMD (or lsec launch --local with target app); drop --local or "cloud": false',
    });
  }
  return problems;
}

function appProblems(input: PreflightInput): Problem[] {
  const { app, name } = input.profile;
  const problems: Problem[] = [];
  if (app === undefined || app === '') {
    problems.push({
      code: 'app-unset',
      subject: 'app',
      message: 'no app file is set for this profile',
      fix: 'name it: lsec launch APP (for example app.py)',
    });
  } else if (app.startsWith('-')) {
    // Lightning's CLI would read it as an option (CWE-88).
    problems.push({
      code: 'app-dash',
      subject: app,
      message: `the app path ${app} starts with "-"`,
      fix: `write it as ./${app}`,
    });
  } else {
    const exists = typeof input.appExists === 'function' ? input.appExists(app) : input.appExists;
    if (!exists) {
      problems.push({
        code: 'app-missing',
        subject: app,
        message: `the app file ${app} does not exist`,
        fix: 'check the path (it is relative to the project folder) or pass --dir',
      });
    }
  }
  if (name?.startsWith('-')) {
    problems.push({
      code: 'name-dash',
      subject: name,
      message: `the app name ${name} starts with "-"`,
      fix: 'choose a name that starts with a letter or digit',
    });
  }
  return problems;
}

function plainProblems(profile: Profile): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(profile.env)) {
    const nameProblem = envNameProblem(key);
    if (nameProblem) problems.push(envNameIssue(key, nameProblem, `lsec unenv ${key}`));
    if (Object.hasOwn(profile.secrets, key)) {
      problems.push({
        code: 'env-duplicate',
        subject: key,
        message: `${key} is both a plain variable and mapped to the secret ${profile.secrets[key]}`,
        fix: `keep one: lsec unenv ${key} or lsec unmap ${key}`,
      });
    }
    const valueProblem = plainValueProblem(key, value);
    if (valueProblem) {
      problems.push({
        code: 'plain-value',
        subject: key,
        message: valueProblem,
        fix: `store it as a secret and map it: lsec unenv ${key}, lsec add NAME, lsec map ${key}=NAME`,
      });
    }
  }
  return problems;
}

function envNameIssue(key: string, problem: string, removal: string): Problem {
  return {
    code: 'env-name',
    subject: key,
    message: `${JSON.stringify(key)} is not a valid environment variable name: ${problem}`,
    fix: `rename it (remove it with ${removal} and add it again)`,
  };
}

function secretProblems(input: PreflightInput): Problem[] {
  const { profile, vaultNames, cloudNames } = input;
  const cloud = isCloud(profile, input.local);
  const problems: Problem[] = [];
  for (const [env, secret] of Object.entries(profile.secrets)) {
    // A name outside lsec's rule is fine when the cloud lists it and it is argv-safe.
    const listedCloudOnly =
      cloud && cloudNames?.has(secret) === true && !cloudOnlyNameProblem(secret);
    const secretProblem = listedCloudOnly ? undefined : secretNameProblem(secret);
    if (secretProblem) {
      problems.push({
        code: 'secret-name',
        subject: secret,
        message: `${env} is mapped to ${JSON.stringify(secret)}, which is not a valid secret name: ${secretProblem}`,
        fix: `map ${env} to a valid name: lsec map ${env}=NAME`,
      });
      // A name Lightning refuses cannot be in the cloud either; one report is enough.
      continue;
    }
    if (cloud && input.noVerify) continue;
    const missing = missingSecret(env, secret, cloud, vaultNames, cloudNames);
    if (missing) problems.push(missing);
  }
  return problems;
}

function missingSecret(
  env: string,
  secret: string,
  cloud: boolean,
  vaultNames: ReadonlySet<string>,
  cloudNames: ReadonlySet<string> | undefined,
): Problem | undefined {
  const inVault = vaultNames.has(secret);
  if (!cloud || cloudNames === undefined) {
    if (inVault) return undefined;
    return {
      code: 'secret-not-in-vault',
      subject: secret,
      message: cloud
        ? `the secret ${secret} (mapped to ${env}) is not in the vault, and the cloud was not checked`
        : `the secret ${secret} (mapped to ${env}) is not in the vault`,
      fix: cloud
        ? `add it: lsec add ${secret}, then lsec push ${secret}; or log in to Lightning so the cloud can be checked; or, if it exists in the cloud, pass --no-verify`
        : `add it: lsec add ${secret}`,
    };
  }
  // Lightning resolves --secret names in the cloud, so a cloud-only secret (made
  // in the web UI) is fine even though the vault lacks it.
  if (cloudNames.has(secret)) return undefined;
  return {
    code: 'secret-not-in-cloud',
    subject: secret,
    message: inVault
      ? `the secret ${secret} (mapped to ${env}) is in the vault but not in the Lightning cloud`
      : `the secret ${secret} (mapped to ${env}) is neither in the vault nor in the Lightning cloud`,
    fix: inVault ? `lsec push ${secret}` : `lsec add ${secret}, then lsec push ${secret}`,
  };
}
