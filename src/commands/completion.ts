// Completion scripts generated from the command table, so they never drift from
// what the parser accepts. Secret names come from `lsec list --names` (no passphrase).
import { UsageError } from '../lib/errors.js';
import type { Ctx } from './context.js';
import { LOADERS } from './registry.js';
import { COMMANDS, type CommandSpec, flagsOf } from './specs.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

const commands = (): CommandSpec[] => COMMANDS.filter((c) => c.name in LOADERS);
const flagWords = (c: CommandSpec): string[] => Object.keys(flagsOf(c)).map((f) => `--${f}`);
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const namesCmd = 'lsec list --names 2>/dev/null';

function bash(): string {
  const cases = commands()
    .map(
      (c) =>
        `    ${c.name}) opts=${sq(flagWords(c).join(' '))}; names=${c.completesSecrets ? 1 : 0} ;;`,
    )
    .join('\n');
  return `# lsec completion for bash: source <(lsec completion bash)
_lsec() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd=\${COMP_WORDS[1]} opts='' names=0
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W ${sq(
      `${commands()
        .map((c) => c.name)
        .join(' ')} --help --version`,
    )} -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* || $names -eq 0 ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$(${namesCmd})" -- "$cur") )
  fi
}
complete -F _lsec lsec
`;
}

function zsh(): string {
  const described = commands()
    .map((c) => `    ${sq(`${c.name}:${c.summary.replace(/:/g, '\\:')}`)}`)
    .join('\n');
  const cases = commands()
    .map(
      (c) =>
        `    ${c.name}) opts=(${flagWords(c).join(' ')}); names=${c.completesSecrets ? 1 : 0} ;;`,
    )
    .join('\n');
  return `#compdef lsec
# lsec completion for zsh: lsec completion zsh > "\${fpath[1]}/_lsec", or source it
_lsec() {
  local -a cmds opts
  local names=0
  cmds=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' cmds
    return
  fi
  case $words[2] in
${cases}
  esac
  if [[ $PREFIX == -* || $names -eq 0 ]]; then
    compadd -- $opts
  else
    compadd -- \${(f)"$(${namesCmd})"}
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
  for (const c of commands()) {
    lines.push(`complete -c lsec -n __fish_use_subcommand -a ${c.name} -d ${sq(c.summary)}`);
    for (const [name, f] of Object.entries(flagsOf(c))) {
      const takes = f.type === 'string' ? ' -r' : '';
      lines.push(
        `complete -c lsec -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -l ${name}${takes} -d ${sq(f.describe)}`,
      );
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
