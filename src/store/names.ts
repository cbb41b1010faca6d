// Name rules (DESIGN §3). Secret names follow the union of Lightning's rules: the
// docs' stated one (letters, digits, "-", "."), the docs' own example
// (`github_api_token`) and today's SDK rule (letters, digits, "_"). Env names are
// anchored, unlike Lightning's own check, which looks at the first character only.

export const SECRET_NAME_MAX = 253;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,252}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Whitespace and control characters, including Unicode line separators and bidi or
// zero-width marks, which would hide or split a word on a terminal.
const UNSAFE_IN_ARGV =
  /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

export const SECRET_NAME_RULE =
  'secret names start with a letter or "_" and hold only letters, digits, "_", "-" and "."';

/** A suggestion that follows the secret-name rule, or undefined when none can be made. */
export function suggestSecretName(input: string): string | undefined {
  const fixed = input
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[^A-Za-z_]+/, '')
    .slice(0, SECRET_NAME_MAX);
  return fixed !== '' && fixed !== input && SECRET_NAME.test(fixed) ? fixed : undefined;
}

/** Why `name` is not a valid secret name, with the fix; undefined when it is valid. */
export function secretNameProblem(name: string): string | undefined {
  if (name === '') return 'a secret name cannot be empty';
  if (name.length > SECRET_NAME_MAX) {
    return `a secret name has at most ${SECRET_NAME_MAX} characters (this one has ${name.length})`;
  }
  if (SECRET_NAME.test(name)) return undefined;
  const hint = suggestSecretName(name);
  return hint ? `${SECRET_NAME_RULE}; use ${hint}` : SECRET_NAME_RULE;
}

/**
 * Why a name the cloud lists cannot go into `--secret ENV=NAME` even as a cloud-only
 * secret (one lsec never stores); undefined when it can. Lightning itself never checks
 * secret names, so only what would break the argv or the terminal is refused.
 */
export function cloudOnlyNameProblem(name: string): string | undefined {
  if (name === '') return 'a secret name cannot be empty';
  if (name.startsWith('-'))
    return `${JSON.stringify(name)} starts with "-", which Lightning's CLI reads as an option`;
  if (name.includes('='))
    return `${JSON.stringify(name)} holds "=", which Lightning's --secret parser splits on`;
  if (UNSAFE_IN_ARGV.test(name))
    return `${JSON.stringify(name)} holds whitespace or a control character`;
  return undefined;
}

/** Why `name` is not a valid environment-variable name; undefined when it is valid. */
export function envNameProblem(name: string): string | undefined {
  if (name === '') return 'an environment variable name cannot be empty';
  if (ENV_NAME.test(name)) return undefined;
  const fixed = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1');
  const rule =
    'environment variable names start with a letter or "_" and hold only letters, digits and "_"';
  return ENV_NAME.test(fixed) ? `${rule}; use ${fixed}` : rule;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/** The env name a secret maps to by default: upper-cased, "-" and "." become "_". */
export function defaultEnvName(secretName: string): string {
  return secretName.toUpperCase().replace(/[-.]/g, '_');
}

/** Why a plain --env value cannot be passed to Lightning; undefined when it can. */
export function plainValueProblem(key: string, value: string): string | undefined {
  if (value.includes('=')) {
    return `the value of ${key} contains "=", which Lightning's --env parser rejects; store it as a secret and map it instead`;
  }
  if (value.includes('\0')) return `the value of ${key} contains a NUL character`;
  return undefined;
}
