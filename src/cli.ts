// argv -> a command, or the TUI. Decides scriptable vs interactive mode and owns the
// one mapping from errors to exit codes (DESIGN §2).

import { makeCtx } from './commands/context.js';
import { commandHelp, mainHelp, VERSION } from './commands/help.js';
import { LOADERS } from './commands/registry.js';
import { PROJECT_FLAGS } from './commands/spec-types.js';
import { findCommand, flagsOf } from './commands/specs.js';
import { parseArgs, suggest } from './lib/argv.js';
import { describeError, EXIT, UsageError } from './lib/errors.js';
import { note, error as printError } from './lib/messages.js';
import { scrubInitialEnv } from './lib/scrub-env.js';

// Read once, then removed so no child process ever inherits it, and its bytes wiped
// from this process's initial environment block, which a child could otherwise read
// in /proc/$PPID/environ. Done here, before any child can exist.
const envPassphrase = process.env.LSEC_PASSPHRASE;
delete process.env.LSEC_PASSPHRASE;
if (envPassphrase !== undefined && !scrubInitialEnv('LSEC_PASSPHRASE')) {
  if (process.platform === 'linux') {
    note(
      'warning: LSEC_PASSPHRASE could not be wiped from /proc/self/environ; a program lsec starts could read it; prefer --passphrase-file',
    );
  }
}
process.umask(0o077);

// A reader that stops early (`lsec get k | head -c 5`, `lsec --help | head`) closes
// the pipe; the next write then fails with EPIPE, which unhandled is a stack trace and
// exit 1. Stop writing quietly instead, as Unix tools do, and keep our own exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
});

const available = (name: string) => name in LOADERS;

/** The top-level option meant by a mistyped one: -v (as many tools spell it) is --version. */
function nearOption(arg: string): string | undefined {
  if (arg === '-v') return '--version';
  const near = suggest(arg.replace(/^-+/, ''), ['version', 'help', 'dir', 'profile']);
  return near ? `--${near}` : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...restArgs] = argv;
  // `lsec [--dir DIR] [--profile NAME]` opens the TUI on that project and profile.
  if (first === undefined || /^--(dir|profile)(=|$)/.test(first)) {
    const { flags, positionals, sawDoubleDash } = parseArgs(argv, PROJECT_FLAGS, '');
    if (positionals.length > 0 || sawDoubleDash) {
      throw new UsageError('the TUI takes only --dir and --profile', 'see: lsec --help');
    }
    if (process.stdin.isTTY && process.stdout.isTTY) {
      const dir = typeof flags.dir === 'string' ? flags.dir : undefined;
      const profile = typeof flags.profile === 'string' ? flags.profile : undefined;
      return (await import('./tui.js')).runTui({ envPassphrase, dir, profile });
    }
    process.stderr.write(mainHelp(available));
    printError('not a terminal, so the TUI cannot open; give a command');
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? restArgs[0] : undefined;
    const spec = topic ? findCommand(topic) : undefined;
    process.stdout.write(spec && available(spec.name) ? commandHelp(spec) : mainHelp(available));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`lsec ${VERSION}\n`);
    return EXIT.ok;
  }
  const spec = findCommand(first);
  if (!spec || !available(spec.name)) {
    const near = first.startsWith('-') ? nearOption(first) : suggest(first, Object.keys(LOADERS));
    throw new UsageError(
      first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`,
      near ? `did you mean: lsec ${near}?` : 'see: lsec --help',
    );
  }
  const args = parseArgs(restArgs, flagsOf(spec), spec.name);
  if (args.flags.help) {
    process.stdout.write(commandHelp(spec));
    return EXIT.ok;
  }
  const { min, max, name } = spec.positionals;
  const hint = `usage: ${spec.usage}`;
  if (args.positionals.length < min) throw new UsageError(`lsec ${spec.name} needs ${name}`, hint);
  if (args.positionals.length > max) {
    throw new UsageError(`unexpected argument "${args.positionals[max]}"`, hint);
  }
  if (args.sawDoubleDash && (spec.rest ?? 'forbidden') === 'forbidden') {
    throw new UsageError(`lsec ${spec.name} takes nothing after --`, hint);
  }
  if (spec.rest === 'required' && args.rest.length === 0) {
    throw new UsageError(`lsec ${spec.name} needs a command after --`, hint);
  }
  const mod = await LOADERS[spec.name]!();
  return mod.run(makeCtx(args, envPassphrase));
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const { message, hint, exitCode } = describeError(error);
  printError(message, hint);
  process.exitCode = exitCode;
}
