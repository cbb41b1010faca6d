// A strict argv parser driven by the command table: unknown flags, missing values and
// flag-like positionals are usage errors with a suggestion, never silently ignored.
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

/**
 * Edit distance counting an adjacent transposition as one edit (optimal string
 * alignment): `lsit` is 1 from `list` but 2 from `init`, where plain Levenshtein
 * made them tie.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `input` when it is close enough to be a typo: at most one
 * edit per three characters (at least one), so `lsit` -> `list`, and nothing for `ab`
 * or `foo`. Ties go to the first candidate.
 */
export function suggest(input: string, candidates: string[]): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
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
