// The command table: the single source for parsing, `--help`, suggestions and shell
// completion. The code of each command lives in its own file, loaded on demand.
import type { FlagSpec } from '../lib/argv.js';
import { type CommandSpec, GLOBAL_FLAGS, PASSPHRASE_FLAGS, PROJECT_FLAGS } from './spec-types.js';
import { PROJECT_COMMANDS } from './specs-project.js';
import { VAULT_COMMANDS } from './specs-vault.js';

export const COMMANDS: CommandSpec[] = [...VAULT_COMMANDS, ...PROJECT_COMMANDS];

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
