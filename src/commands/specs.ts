// The command table: the single source for parsing, `--help`, suggestions and shell
// completion. The code of each command lives in its own file, loaded on demand.
import type { FlagSpec } from '../lib/argv.js';

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  /** Longer explanation shown by `lsec CMD --help`. */
  details?: string[];
  examples: string[];
  flags: Record<string, FlagSpec>;
  positionals: { min: number; max: number; name: string };
  /** Takes --profile and --dir (works on the project file). */
  project?: boolean;
  /** Needs the passphrase (takes --passphrase-file). */
  vault?: boolean;
  /** Accepts `-- ARGS...` after its own arguments. */
  rest?: 'forbidden' | 'optional' | 'required';
  /** Completes secret names for positionals. */
  completesSecrets?: boolean;
}

export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  help: { type: 'boolean', short: 'h', describe: 'show help' },
};

export const PASSPHRASE_FLAGS: Record<string, FlagSpec> = {
  'passphrase-file': {
    type: 'string',
    value: 'PATH',
    describe: 'read the passphrase from the first line of PATH',
  },
};

export const PROJECT_FLAGS: Record<string, FlagSpec> = {
  profile: { type: 'string', value: 'NAME', describe: 'launch profile (default: default)' },
  dir: {
    type: 'string',
    value: 'DIR',
    describe: "the app's directory (default: nearest .lsec.json)",
  },
};

const json: FlagSpec = { type: 'boolean', describe: 'print one JSON object (schema 1), no values' };
const none = { min: 0, max: 0, name: '' };
const oneName = { min: 1, max: 1, name: 'NAME' };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'init',
    summary: 'create the vault (passphrase asked twice)',
    usage: 'lsec init',
    examples: ['lsec init', 'LSEC_PASSPHRASE="$(pass lsec)" lsec init'],
    flags: {},
    positionals: none,
    vault: true,
  },
  {
    name: 'list',
    summary: 'secret names and dates (no passphrase needed)',
    usage: 'lsec list [--json]',
    examples: ['lsec list', 'lsec list --json | jq -r ".secrets[].name"'],
    flags: { json },
    positionals: none,
  },
  {
    name: 'add',
    summary: 'add a new secret; value from a hidden prompt or stdin',
    usage: 'lsec add NAME',
    details: [
      'On a terminal the value is asked with a hidden prompt; otherwise it is read from',
      'stdin with one trailing newline removed. Values never come from the command line.',
    ],
    examples: ['lsec add openai-key', 'lsec add tls-key < key.pem'],
    flags: {},
    positionals: oneName,
    vault: true,
  },
  {
    name: 'set',
    summary: 'like add, replacing the value when the secret exists',
    usage: 'lsec set NAME',
    examples: ['lsec set openai-key', 'printf %s "$TOKEN" | lsec set api-token'],
    flags: {},
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'get',
    summary: 'print a value and a newline (an explicit reveal)',
    usage: 'lsec get NAME',
    examples: ['lsec get openai-key', 'export OPENAI_API_KEY="$(lsec get openai-key)"'],
    flags: {},
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'rm',
    summary: 'delete a secret (asks first on a terminal)',
    usage: 'lsec rm NAME [--yes]',
    examples: ['lsec rm old-token', 'lsec rm old-token --yes'],
    flags: { yes: { type: 'boolean', short: 'y', describe: 'delete without asking' } },
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'passwd',
    summary: 'change the passphrase',
    usage: 'lsec passwd [--new-passphrase-file PATH]',
    examples: [
      'lsec passwd',
      'lsec passwd --passphrase-file old.txt --new-passphrase-file new.txt',
    ],
    flags: {
      'new-passphrase-file': {
        type: 'string',
        value: 'PATH',
        describe: 'read the new passphrase from the first line of PATH',
      },
    },
    positionals: none,
    vault: true,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Every flag a command accepts, its own and the shared ones. */
export function flagsOf(spec: CommandSpec): Record<string, FlagSpec> {
  return {
    ...spec.flags,
    ...(spec.vault ? PASSPHRASE_FLAGS : {}),
    ...(spec.project ? PROJECT_FLAGS : {}),
    ...GLOBAL_FLAGS,
  };
}
