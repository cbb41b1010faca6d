// A strict argv parser driven by the command table: unknown flags, missing values and
// flag-like positionals are usage errors with a suggestion, never silently ignored.
import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from './errors.js';

export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  value?: string;
  describe: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  /** Everything after a bare `--`, untouched. */
  rest: string[];
  sawDoubleDash: boolean;
}

export function suggest(input: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, candidates);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(input, best) <= limit ? best : undefined;
}

export function parseArgs(
  argv: string[],
  specs: Record<string, FlagSpec>,
  command: string,
): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);
  const usage = (msg: string, hint?: string) =>
    new UsageError(msg, hint ?? `see: lsec ${command} --help`.replace('lsec  ', 'lsec '));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      return { positionals, flags, rest: argv.slice(i + 1), sawDoubleDash: true };
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = specs[name];
      if (!spec) {
        const near = suggest(name, Object.keys(specs));
        throw usage(
          `unknown option --${name}${command ? ` for lsec ${command}` : ''}`,
          near ? `did you mean --${near}?` : undefined,
        );
      }
      if (spec.type === 'boolean') {
        if (eq !== -1) throw usage(`--${name} takes no value`);
        flags[name] = true;
        continue;
      }
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else value = argv[++i];
      if (value === undefined) throw usage(`--${name} needs a value (${spec.value ?? 'VALUE'})`);
      flags[name] = value;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const name = byShort.get(arg.slice(1));
      if (!name) throw usage(`unknown option ${arg}${command ? ` for lsec ${command}` : ''}`);
      const spec = specs[name]!;
      if (spec.type === 'boolean') flags[name] = true;
      else {
        const value = argv[++i];
        if (value === undefined) throw usage(`${arg} needs a value (${spec.value ?? 'VALUE'})`);
        flags[name] = value;
      }
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, flags, rest: [], sawDoubleDash: false };
}
