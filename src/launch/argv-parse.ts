// The launch argv read the way click reads it: options with their values (`--opt v`,
// `--opt=v`, `-eV`), flags, positionals, `--`; what it cannot read becomes a problem
// in Lightning's words. The checks on what it read are in argv-check.ts.
import { CLICK_BOOLEANS, type OptionRow, releasesWith } from './options.js';

/** Where a word of the argv came from: lsec itself, the profile's `args`, or `-- EXTRA`. */
export type Origin = 'lsec' | 'args' | 'extra';

export interface ArgvProblem {
  subject: string;
  message: string;
  fix: string;
}

export interface ArgvCheckInput {
  /** The words after the subcommand (`run app` / `deployment create`), FILE or NAME first. */
  words: readonly string[];
  origins: readonly Origin[];
  table: readonly OptionRow[];
  command: 'run app' | 'deployment create' | 'deployment update';
  /** Release label for messages, e.g. "Lightning 1.9.5"; undefined when not told. */
  release?: string;
  /** The app release, to say where a missing option exists. */
  appRelease?: string;
  /** lsec plans a local run (`--local`, `cloud: false`). */
  local: boolean;
}

export interface Parsed {
  name: string;
  value: string | undefined;
  origin: Origin;
}

export const where = (origin: Origin) =>
  origin === 'args'
    ? "the profile's args"
    : origin === 'extra'
      ? 'the words after --'
      : 'the command lsec builds';

export const fixFor = (origin: Origin, what: string) =>
  origin === 'extra'
    ? `change or drop ${what} after --`
    : `change or drop ${what} in the profile's args (.lsec.json)`;

/** click's parse: options with their values, positionals, and every problem on the way. */
export function parse(input: ArgvCheckInput, problems: ArgvProblem[]) {
  const byName = new Map<string, OptionRow>();
  for (const row of input.table) for (const name of row.names) byName.set(name, row);
  const options: Parsed[] = [];
  const positionals: { word: string; origin: Origin }[] = [];
  const { words, origins } = input;
  let onlyPositionals = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const origin = origins[i] ?? 'lsec';
    if (onlyPositionals || word === '-' || !word.startsWith('-')) {
      positionals.push({ word, origin });
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    // click: `--opt=value` for long options; `-eVALUE` for a short one that takes a value.
    const long = word.startsWith('--');
    const eq = long ? word.indexOf('=') : -1;
    const short = !long && word.length > 2 ? byName.get(word.slice(0, 2)) : undefined;
    const name =
      eq > 0 ? word.slice(0, eq) : short && short.kind !== 'flag' ? word.slice(0, 2) : word;
    const attached =
      eq > 0 ? word.slice(eq + 1) : name !== word && !long ? word.slice(2) : undefined;
    const row = byName.get(name);
    if (!row) {
      problems.push(unknownOption(name, origin, input));
      continue;
    }
    if (row.kind === 'flag') {
      if (attached !== undefined) {
        problems.push({
          subject: name,
          message: `${name} takes no value (${where(origin)}); Lightning would answer: Option '${name}' does not take a value.`,
          fix: fixFor(origin, `=${attached}`),
        });
      }
      options.push({ name, value: undefined, origin });
      continue;
    }
    let value = attached;
    if (value === undefined) {
      const next = words[i + 1];
      if (next === undefined) {
        problems.push({
          subject: name,
          message: `${name} needs a value and is the last word (${where(origin)}); Lightning would answer: Option '${name}' requires an argument.`,
          fix: `${fixFor(origin, name)}, or give it a value: ${name} VALUE`,
        });
        continue;
      }
      if (next.startsWith('-') && next !== '-') {
        // click would take the option as the value and misread everything after it.
        const answer =
          row.kind === 'bool'
            ? `Invalid value for '${name}': '${next}' is not a valid boolean.`
            : `nothing at first: it takes ${next} as the value of ${name}, then fails on what follows (e.g. Got unexpected extra argument)`;
        problems.push({
          subject: name,
          message: `${name} needs a value, so click would take the next word, ${next}, as its value (${where(origin)}); Lightning would answer: ${answer}`,
          fix: `give ${name} a value (${row.kind === 'bool' ? `${name} false` : `${name} VALUE`}, or ${name}=VALUE), or drop it`,
        });
        continue;
      }
      value = next;
      i++;
    }
    if (row.kind === 'bool' && !CLICK_BOOLEANS.includes(value.trim().toLowerCase())) {
      problems.push({
        subject: name,
        message: `${name} takes true or false, not ${JSON.stringify(value)} (${where(origin)}); Lightning would answer: Invalid value for '${name}': '${value}' is not a valid boolean.`,
        fix: `write ${name} false (or true; click also reads 1/0, yes/no, y/n, on/off, t/f)`,
      });
      continue;
    }
    options.push({ name, value, origin });
  }
  return { options, positionals };
}

export function unknownOption(name: string, origin: Origin, input: ArgvCheckInput): ArgvProblem {
  const release = input.release ?? 'every Lightning release';
  const answer = `Lightning would answer: No such option: ${name}`;
  if (input.command === 'run app') {
    const has = releasesWith(name);
    if (has.length > 0) {
      const span = has.includes('2.x') ? `from ${has[0]}` : `only in ${has.join(' and ')}`;
      return {
        subject: name,
        message: `${name} is not an option of run app in ${release} (it exists ${span}) (${where(origin)}); ${answer}`,
        fix: fixFor(origin, name),
      };
    }
  }
  return {
    subject: name,
    message: `${name} is not an option of ${input.command}${input.release ? ` in ${input.release}` : ''} (${where(origin)}); ${answer}`,
    fix: fixFor(origin, name),
  };
}
