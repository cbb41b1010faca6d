// What a command accepts, and the flags several commands share: the vocabulary of
// the command table (specs.ts), which the per-room tables below are written in.
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
export const CLOUD_FLAGS: Record<string, FlagSpec> = {
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

export const json: FlagSpec = {
  type: 'boolean',
  describe: 'print one JSON object (schema 1), no values',
};
export const none = { min: 0, max: 0, name: '' };
export const oneName = { min: 1, max: 1, name: 'NAME' };
