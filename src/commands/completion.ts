// Completion scripts generated from the command table, so they never drift from
// what the parser accepts. Secret names come from `lsec list --names` (no passphrase).
// Every command in the table has a module (test/commands/registry.test.ts), so the
// table alone says what to complete.
import { UsageError } from '../lib/errors.js';
import type { Ctx } from './context.js';
import type { CommandSpec } from './spec-types.js';
import { COMMANDS, flagsOf } from './specs.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

const flagWords = (c: CommandSpec): string[] => [
  ...(c.words ?? []),
  ...Object.keys(flagsOf(c)).map((f) => `--${f}`),
];
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const namesCmd = 'lsec list --names 2>/dev/null';
// Words that are file or folder paths: `import FILE` and flags such as --passphrase-file.
// The shell's own file completion handles them (bash: -o default; zsh: _files; fish: -F).
const takesFile = (c: CommandSpec): number => (c.positionals.name === 'FILE' ? 1 : 0);
const pathFlags = (): string[] => [
  ...new Set(
    COMMANDS.flatMap((c) =>
      Object.entries(flagsOf(c))
        .filter(([, f]) => f.value === 'PATH' || f.value === 'DIR')
        .map(([name]) => `--${name}`),
    ),
  ),
];

function bash(): string {
  const cases = COMMANDS.map(
    (c) =>
      `    ${c.name}) opts=${sq(flagWords(c).join(' '))}; names=${c.completesSecrets ? 1 : 0}; files=${takesFile(c)} ;;`,
  ).join('\n');
  return `# lsec completion for bash: source <(lsec completion bash)
_lsec() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd=\${COMP_WORDS[1]} opts='' names=0 files=0
  COMPREPLY=()
  # A path: leave COMPREPLY empty so that -o default completes file names.
  case "\${COMP_WORDS[COMP_CWORD-1]}" in ${pathFlags().join('|')}) return ;; esac
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W ${sq(
      `${COMMANDS.map((c) => c.name).join(' ')} --help --version`,
    )} -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* || ($names -eq 0 && $files -eq 0) ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif [[ $names -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "$(${namesCmd})" -- "$cur") )
  fi
}
complete -o default -F _lsec lsec
`;
}

function zsh(): string {
  const described = COMMANDS.map(
    (c) => `    ${sq(`${c.name}:${c.summary.replace(/:/g, '\\:')}`)}`,
  ).join('\n');
  const cases = COMMANDS.map(
    (c) =>
      `    ${c.name}) opts=(${flagWords(c).join(' ')}); names=${c.completesSecrets ? 1 : 0}; files=${takesFile(c)} ;;`,
  ).join('\n');
  return `#compdef lsec
# lsec completion for zsh: lsec completion zsh > "\${fpath[1]}/_lsec", or source it
_lsec() {
  local -a cmds opts
  local names=0 files=0
  cmds=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' cmds
    return
  fi
  case $words[CURRENT-1] in
    ${pathFlags().join('|')}) _files; return ;;
  esac
  case $words[2] in
${cases}
  esac
  if [[ $PREFIX == -* || ($names -eq 0 && $files -eq 0) ]]; then
    compadd -- $opts
  elif (( names )); then
    compadd -- \${(f)"$(${namesCmd})"}
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _lsec "$@"
else
  compdef _lsec lsec
fi
`;
}

function fish(): string {
  const lines = [
    '# lsec completion for fish: lsec completion fish > ~/.config/fish/completions/lsec.fish',
    'complete -c lsec -f',
  ];
  for (const c of COMMANDS) {
    lines.push(`complete -c lsec -n __fish_use_subcommand -a ${c.name} -d ${sq(c.summary)}`);
    for (const [name, f] of Object.entries(flagsOf(c))) {
      const takes = f.type === 'string' ? ' -r' : '';
      lines.push(
        `complete -c lsec -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -l ${name}${takes} -d ${sq(f.describe)}`,
      );
    }
    for (const word of c.words ?? []) {
      lines.push(`complete -c lsec -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -a ${word}`);
    }
    if (takesFile(c)) {
      lines.push(`complete -c lsec -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -F`);
    }
    if (c.completesSecrets) {
      lines.push(
        `complete -c lsec -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -a ${sq(`(${namesCmd})`)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function run(ctx: Ctx): Promise<number> {
  const shell = ctx.args.positionals[0] as Shell;
  if (!SHELLS.includes(shell)) {
    throw new UsageError(`unknown shell "${shell}"`, 'use one of: lsec completion bash|zsh|fish');
  }
  ctx.out({ bash, zsh, fish }[shell]());
  return 0;
}
