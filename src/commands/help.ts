import type { CommandSpec } from './spec-types.js';
import { COMMANDS, flagsOf } from './specs.js';

declare const LSEC_VERSION: string;
export const VERSION = typeof LSEC_VERSION === 'string' ? LSEC_VERSION : '0.0.0-dev';

export function mainHelp(available: (name: string) => boolean): string {
  const cmds = COMMANDS.filter((c) => available(c.name));
  // The overview names each command and its arguments; its options are in CMD --help.
  const short = (c: CommandSpec) =>
    c.usage.slice('lsec '.length).replace(/ \[--[a-z][^\]]*\]/g, '');
  const width = Math.max(...cmds.map((c) => short(c).length));
  return [
    'lsec — secrets for Lightning AI apps: an encrypted vault, env-var mapping, one-key launch',
    '',
    'Usage:',
    '  lsec [--dir DIR] [--profile NAME]   open the TUI (on a terminal)',
    '  lsec COMMAND [OPTIONS]',
    '',
    'Commands:',
    ...cmds.map((c) => `  ${short(c).padEnd(width)}  ${c.summary}`),
    '',
    'Options: -h, --help (also after a command: lsec COMMAND --help), --version',
    '',
    'Exit codes: 0 done, 1 runtime failure, 2 usage or validation error,',
    '            3 vault locked (wrong or missing passphrase), 4 vault damaged.',
    'Environment: LSEC_HOME, LSEC_PASSPHRASE, LSEC_LIGHTNING, LSEC_AUTOLOCK, NO_COLOR, FORCE_COLOR,',
    '             LIGHTNING_USER_ID, LIGHTNING_API_KEY, LIGHTNING_CLOUD_URL (see the README).',
    "Run 'lsec COMMAND --help' for a command's options and examples.",
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const flags = Object.entries(flagsOf(spec)).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
    return [left, f.describe] as const;
  });
  const width = Math.max(...flags.map(([l]) => l.length));
  return [
    `Usage: ${spec.usage}`,
    '',
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    ...(spec.details ? ['', ...spec.details] : []),
    '',
    'Options:',
    ...flags.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
