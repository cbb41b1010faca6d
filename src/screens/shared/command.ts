// The command a profile launches, as the preview lines of the mappings and launch
// screens. Pure; views sanitize.
import { composeArgv, formatWords } from '../../launch/compose.js';
import type { LaunchPlan } from '../../launch/plan.js';
import type { Profile } from '../../store/project-schema.js';
import type { Press } from './keys.js';

const NO_COMMAND = '(no command yet: see the problems)';

/** The command's words as the shell form writes them; with no app yet, "APP" stands where it goes. */
export function commandWords(plan: LaunchPlan, profile: Profile, bin: string): string[] {
  if (plan.argv) return formatWords(plan.argv);
  try {
    const { name: _name, ...rest } = profile;
    return formatWords(composeArgv({ ...rest, app: 'APP' }, { bin, local: !plan.cloud }));
  } catch {
    return NO_COMMAND.split(' ');
  }
}

/**
 * `--secret K=v` and `--name N`: an option and the value after it, which a line
 * break between them would make look like two separate things.
 */
function groups(words: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word.startsWith('--') && next !== undefined && !next.startsWith('-') && i > 0) {
      out.push([word, next]);
      i++;
    } else out.push([word]);
  }
  return out;
}

/** Indent of every line but the first, so a wrapped command reads as one. */
const CONTINUED = '  ';

/**
 * The command as lines of at most `width` columns, broken only between an option
 * with its value and the next: nothing is cut, a word wider than a line goes on
 * over several lines. Widths count UTF-16 units, like the rest of the layout code.
 */
export function commandLines(words: readonly string[], width: number): string[] {
  const w = Math.max(4, width);
  const lines: string[] = [];
  let line = '';
  const room = () => (lines.length === 0 ? w : w - CONTINUED.length);
  const push = () => {
    lines.push(lines.length === 0 ? line : CONTINUED + line);
    line = '';
  };
  // An option and its value part only when together they are wider than a line;
  // the option then starts a line of its own, so its value follows right under it.
  const pieces = groups(words).flatMap((g) => {
    const joined = g.join(' ');
    if (joined.length <= w - CONTINUED.length) return [{ text: joined, fresh: false }];
    return g.map((text, i) => ({ text, fresh: i === 0 && g.length > 1 }));
  });
  for (const { text: group, fresh } of pieces) {
    if (!fresh && line !== '' && line.length + 1 + group.length <= room()) {
      line += ` ${group}`;
      continue;
    }
    if (line !== '') push();
    let rest = group;
    while (rest.length > room()) {
      const cut = room();
      line = rest.slice(0, cut);
      rest = rest.slice(cut);
      push();
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

/** What to do about a missing app in the TUI, where the CLI's "lsec launch APP" does not apply. */
export const APP_UNSET_FIX =
  'type it on the launch screen (l); it is saved when the launch goes ahead';

/** What a key does on the whole command's page (y, on the launch screen, is its own). */
export type CommandPageKey = { close: true } | { by: number } | undefined;

export function commandPageKey(p: Press, room: number): CommandPageKey {
  const key = p.type === 'text' ? p.text : p.type;
  if (key === 'escape' || key === 'f' || key === 'q') return { close: true };
  if (key === 'down' || key === 'j') return { by: 1 };
  if (key === 'up' || key === 'k') return { by: -1 };
  if (key === 'pageDown' || key === ' ') return { by: room - 1 };
  if (key === 'pageUp') return { by: -(room - 1) };
  return undefined;
}

/** The page's first line after scrolling `by`, kept so the last page is full. */
export function scrollPage(
  page: { lines: number; room: number },
  from: number,
  by: number,
): number {
  return Math.max(0, Math.min(Math.max(0, page.lines - page.room), from + by));
}
