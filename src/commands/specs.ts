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
  /** Sub-command words completed like flags (`remote rm`). */
  words?: string[];
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

/** Where push and remote work (lightning-today.md §a, §e). */
const CLOUD_FLAGS: Record<string, FlagSpec> = {
  scope: {
    type: 'string',
    value: 'teamspace|user',
    describe: 'teamspace secrets (default, or the profile\'s "scope") or your user secrets',
  },
  teamspace: {
    type: 'string',
    value: 'OWNER/NAME',
    describe: 'the teamspace (default: as the Lightning SDK resolves it)',
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
    usage: 'lsec list [--json] [--names]',
    examples: ['lsec list', 'lsec list --json | jq -r ".secrets[].name"'],
    flags: {
      json,
      names: { type: 'boolean', describe: 'print only the names, one per line (for scripts)' },
    },
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
    summary: 'print a value and a newline (an explicit reveal), or copy it',
    usage: 'lsec get NAME [--copy]',
    details: [
      '--copy puts the value on the clipboard instead of printing it: through wl-copy,',
      'xclip, xsel or pbcopy (value on their stdin) and, on a terminal, OSC 52 (works over',
      'SSH and in tmux). It is cleared after LSEC_CLIP_TIME seconds (default 45) if the',
      'clipboard still holds it.',
    ],
    examples: [
      'lsec get openai-key',
      'export OPENAI_API_KEY="$(lsec get openai-key)"',
      'lsec get openai-key --copy',
    ],
    flags: {
      copy: { type: 'boolean', short: 'c', describe: 'copy to the clipboard; clear after 45 s' },
    },
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'gen',
    summary: 'store a random value (printed nowhere)',
    usage: 'lsec gen NAME [--length N] [--charset SET] [--words N] [--replace] [--copy]',
    details: [
      'Characters are picked with crypto.randomInt (no modulo bias). SET is one of alnum',
      '(default), alpha, lower (a-z and digits), digits, hex, symbols (all 94 printable',
      'ASCII characters). --words N makes a passphrase of N words from the EFF long list',
      '(12.9 bits each), joined by "-". The default is 32 alnum characters (190 bits).',
    ],
    examples: [
      'lsec gen db-password',
      'lsec gen api-token --length 40 --charset hex',
      'lsec gen wifi --words 6 --copy',
    ],
    flags: {
      length: { type: 'string', value: 'N', describe: 'number of characters (default 32)' },
      charset: {
        type: 'string',
        value: 'SET',
        describe: 'alnum, alpha, lower, digits, hex or symbols (default alnum)',
      },
      words: { type: 'string', value: 'N', describe: 'a passphrase of N words instead' },
      replace: { type: 'boolean', describe: 'replace an existing value (kept in its history)' },
      copy: { type: 'boolean', short: 'c', describe: 'also copy it to the clipboard' },
    },
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'mv',
    summary: 'rename a secret; mappings in the project file follow',
    usage: 'lsec mv OLD NEW',
    details: [
      'The value, its history and trashed copies move to NEW. Every mapping to OLD in',
      'every profile of the project file then names NEW. The cloud has no NEW until you',
      '`lsec push NEW`; remove the old one there with `lsec remote rm OLD`.',
    ],
    examples: ['lsec mv openai-key openai_key'],
    flags: {},
    positionals: { min: 2, max: 2, name: 'OLD NEW' },
    project: true,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'rm',
    summary: 'delete a secret into the trash (30 days), or for good',
    usage: 'lsec rm NAME [--yes] [--purge]',
    details: [
      "A deleted secret stays in the vault's encrypted trash for 30 days: see it with",
      '`lsec trash`, bring it back with `lsec restore NAME`. --purge deletes it for good',
      '(also from the trash, when it is only there).',
    ],
    examples: ['lsec rm old-token', 'lsec rm old-token --yes', 'lsec rm leaked-key --purge --yes'],
    flags: {
      yes: { type: 'boolean', short: 'y', describe: 'delete without asking' },
      purge: { type: 'boolean', describe: 'delete for good, without the trash' },
    },
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'trash',
    summary: 'deleted secrets kept 30 days (no passphrase needed)',
    usage: 'lsec trash [--json]',
    examples: ['lsec trash', 'lsec trash --json'],
    flags: { json },
    positionals: none,
  },
  {
    name: 'restore',
    summary: 'bring a deleted secret back from the trash',
    usage: 'lsec restore NAME',
    examples: ['lsec restore old-token'],
    flags: {},
    positionals: oneName,
    vault: true,
  },
  {
    name: 'history',
    summary: "a secret's earlier values (last 5): dates, or restore one",
    usage: 'lsec history NAME [--json] [--restore N]',
    details: [
      'Each replaced value is kept encrypted (the last 5). The list shows dates only and',
      'needs no passphrase; --restore N makes value N current again and keeps the current',
      'value in the history.',
    ],
    examples: ['lsec history db-password', 'lsec history db-password --restore 1'],
    flags: {
      json,
      restore: { type: 'string', value: 'N', describe: 'make earlier value N current again' },
    },
    positionals: oneName,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'passwd',
    summary: 'change the passphrase and re-key every value',
    usage: 'lsec passwd [--new-passphrase-file PATH]',
    details: [
      'A new random data key seals every value again (also earlier and trashed ones), in',
      'one atomic write: an old copy of vault.json opened with the old passphrase reveals',
      'nothing written after the change. vault.json.bak becomes the new file.',
    ],
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
  {
    name: 'map',
    summary: 'map a secret to an env var in the project profile',
    usage: 'lsec map ENV=SECRET',
    details: ['Adds or replaces the mapping; `lsec launch` passes it as --secret ENV=SECRET.'],
    examples: ['lsec map OPENAI_API_KEY=openai-key', 'lsec map DB_URL=db-url --profile prod'],
    flags: {},
    positionals: { min: 1, max: 1, name: 'ENV=SECRET' },
    project: true,
  },
  {
    name: 'unmap',
    summary: 'remove a mapping from the project profile',
    usage: 'lsec unmap ENV',
    examples: ['lsec unmap OPENAI_API_KEY'],
    flags: {},
    positionals: { min: 1, max: 1, name: 'ENV' },
    project: true,
  },
  {
    name: 'env',
    summary: 'add or replace a plain (non-secret) variable',
    usage: 'lsec env KEY=VALUE',
    details: [
      'Plain variables are passed as --env KEY=VALUE and stored in .lsec.json, which is',
      'meant to be committed: never put a secret here. A value may be empty but may not',
      'contain "=" (Lightning splits on every "="); store such a value as a secret.',
    ],
    examples: ['lsec env LOG_LEVEL=debug', 'lsec env EMPTY='],
    flags: {},
    positionals: { min: 1, max: 1, name: 'KEY=VALUE' },
    project: true,
  },
  {
    name: 'unenv',
    summary: 'remove a plain variable',
    usage: 'lsec unenv KEY',
    examples: ['lsec unenv LOG_LEVEL'],
    flags: {},
    positionals: { min: 1, max: 1, name: 'KEY' },
    project: true,
  },
  {
    name: 'show',
    summary: 'the profile and the exact command it launches',
    usage: 'lsec show [--json]',
    examples: ['lsec show', 'lsec show --json --profile prod'],
    flags: { json },
    positionals: none,
    project: true,
  },
  {
    name: 'launch',
    summary: 'check the profile, then run `lightning run app` (or deploy) with it',
    usage: 'lsec launch [APP] [--local] [--dry-run] [--no-verify] [--update] [-- EXTRA...]',
    details: [
      'Cloud launches pass secrets by name (--secret ENV=name); --local runs the app on',
      'this machine with the values in its environment instead. Every problem Lightning',
      'would reject is reported first (exit 2) and nothing runs. APP sets the profile app',
      'when it has none. lsec exits with the child’s code (128+N for signal N).',
      'A profile with "target": "deployment" runs `lightning deployment create NAME`, or',
      '`update` when the cloud lists that deployment (or with --update).',
    ],
    examples: [
      'lsec launch app.py',
      'lsec launch --dry-run',
      'lsec launch --local -- --open-ui false',
    ],
    flags: {
      local: { type: 'boolean', describe: 'run locally with values in the environment' },
      'dry-run': { type: 'boolean', describe: 'print the command (secrets by name) and stop' },
      'no-verify': { type: 'boolean', describe: 'skip checking that the cloud has each secret' },
      update: { type: 'boolean', describe: 'deployment target: update the existing deployment' },
    },
    positionals: { min: 0, max: 1, name: 'APP' },
    project: true,
    vault: true,
    rest: 'optional',
  },
  {
    name: 'run',
    summary: 'run any command with the mapped secrets in its environment',
    usage: 'lsec run -- CMD [ARGS...]',
    details: [
      "The command runs without a shell; write `sh -c '...'` to use one, so that $VARS",
      'are expanded by the child and not by your current shell.',
    ],
    examples: ['lsec run -- python app.py', 'lsec run -- sh -c \'echo "$OPENAI_API_KEY" | wc -c\''],
    flags: {},
    positionals: none,
    project: true,
    vault: true,
    rest: 'required',
  },
  {
    name: 'import',
    summary: 'turn a .env file into secrets and mappings',
    usage: 'lsec import FILE|- [--dry-run] [--overwrite]',
    details: [
      'Each KEY becomes a secret named exactly KEY (OPENAI_API_KEY stays OPENAI_API_KEY)',
      'and a mapping KEY -> KEY. All or nothing: one vault write, one project write.',
    ],
    examples: ['lsec import .env', 'lsec import .env --dry-run', 'cat .env | lsec import -'],
    flags: {
      'dry-run': { type: 'boolean', describe: 'show what would change; change nothing' },
      overwrite: { type: 'boolean', describe: 'replace secrets that already exist' },
    },
    positionals: { min: 1, max: 1, name: 'FILE' },
    project: true,
    vault: true,
  },
  {
    name: 'push',
    summary: 'send vault secrets to the Lightning cloud',
    usage:
      'lsec push [NAME...] [--dry-run] [--force] [--scope teamspace|user] [--teamspace OWNER/NAME]',
    details: [
      'Sends to a teamspace (default) or to your user secrets. The teamspace is --teamspace,',
      'else the profile\'s "project", else LIGHTNING_TEAMSPACE, else ~/.lightning/config.yaml,',
      'else the project Lightning itself would use. Names must match ^[A-Za-z_][A-Za-z0-9_]*$',
      'and values must not be empty: others are refused (named, with the fix), the rest sent.',
    ],
    examples: ['lsec push', 'lsec push openai_key --dry-run', 'lsec push --scope user'],
    flags: {
      'dry-run': { type: 'boolean', describe: 'show what would be sent; send nothing' },
      force: { type: 'boolean', describe: 're-send values that did not change' },
      ...CLOUD_FLAGS,
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY, name: 'NAME' },
    project: true,
    vault: true,
    completesSecrets: true,
  },
  {
    name: 'remote',
    summary: 'secrets in the Lightning cloud; `remote rm NAME...` deletes them',
    usage:
      'lsec remote [--json] | lsec remote rm NAME... [--yes]; both take [--scope S] [--teamspace T]',
    details: [
      'Lists the cloud secrets of the scope push uses, each with its state in the vault.',
      '`lsec remote rm NAME...` deletes them from the cloud (the vault keeps its copy):',
      'it asks first on a terminal and needs --yes otherwise; exit 1 names any that failed.',
    ],
    examples: ['lsec remote', 'lsec remote --json', 'lsec remote rm old_token --yes'],
    flags: {
      json,
      yes: { type: 'boolean', short: 'y', describe: 'remote rm: delete without asking' },
      ...CLOUD_FLAGS,
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY, name: 'rm NAME' },
    words: ['rm'],
    project: true,
    vault: true,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script',
    usage: 'lsec completion bash|zsh|fish',
    examples: [
      'source <(lsec completion bash)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh example, not a template
      'lsec completion zsh > "${fpath[1]}/_lsec"',
      'lsec completion fish > ~/.config/fish/completions/lsec.fish',
    ],
    flags: {},
    positionals: { min: 1, max: 1, name: 'SHELL' },
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
