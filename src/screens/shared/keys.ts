// Ink hands a run of plain text to useInput as ONE event: 'jj', 'dy' or 'name\r'
// typed fast (or over SSH, or by tmux) arrive together with no key flags. Screens
// therefore reduce a list of presses, never a single (input, key) pair.
import type { Key } from 'ink';

export type NamedKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'backTab'
  | 'backspace'
  /** Alt+← / Alt+→ (or Ctrl+←/→, ESC b / ESC f): by words. */
  | 'wordLeft'
  | 'wordRight'
  /** Alt+Backspace. */
  | 'wordBackspace';

/** One key press, normalized: printable text, a named key, or Ctrl+letter. */
export type Press =
  | { type: 'text'; text: string }
  /** A bracketed paste, whole: text for a field, never a key binding. */
  | { type: 'paste'; text: string }
  /** A left click at a 1-based terminal row and column (SGR mouse reporting). */
  | { type: 'click'; row: number; column: number }
  | { type: NamedKey }
  | { type: 'ctrl'; letter: string };

const FLAGS: [keyof Key, NamedKey][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageUp'],
  ['pageDown', 'pageDown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
  // Ink 6.8 reports the Backspace key (DEL) as `delete`, Ctrl+H as `backspace`.
  ['backspace', 'backspace'],
  ['delete', 'backspace'],
];

/** The presses in one Ink input event. */
/** The terminal's bracketed-paste markers, as Ink hands them over (ESC stripped). */
export const PASTE_START = '[200~';
export const PASTE_END = '[201~';

// An SGR mouse report as Ink hands it over (ESC stripped): button;column;row, then M
// for a press or m for a release.
const MOUSE = /^\[<(\d+);(\d+);(\d+)([Mm])$/;
const WHEEL_LINES = 3;

/**
 * The presses of a mouse report: the wheel scrolls as ↑/↓ would (three lines a
 * notch), a left press is a click; everything else (releases, drags, other buttons)
 * is nothing. Undefined when `input` is not a mouse report.
 */
export function mousePresses(input: string): Press[] | undefined {
  const m = input.match(MOUSE);
  if (!m) return undefined;
  const button = Number(m[1]);
  if (button === 64) return Array.from({ length: WHEEL_LINES }, () => ({ type: 'up' as const }));
  if (button === 65) return Array.from({ length: WHEEL_LINES }, () => ({ type: 'down' as const }));
  if (button === 0 && m[4] === 'M')
    return [{ type: 'click', row: Number(m[3]), column: Number(m[2]) }];
  return [];
}

export function pressesOf(input: string, key: Key): Press[] {
  if (key.tab) return [{ type: key.shift ? 'backTab' : 'tab' }];
  const word = key.meta || key.ctrl;
  if (word && key.leftArrow) return [{ type: 'wordLeft' }];
  if (word && key.rightArrow) return [{ type: 'wordRight' }];
  // ESC b / ESC f: what macOS terminals and readline send for Alt+←/→.
  if (key.meta && input === 'b') return [{ type: 'wordLeft' }];
  if (key.meta && input === 'f') return [{ type: 'wordRight' }];
  if (key.meta && key.delete && input === '') return [{ type: 'wordBackspace' }];
  for (const [flag, type] of FLAGS) if (key[flag] === true) return [{ type }];
  if (key.ctrl && input.length === 1) return [{ type: 'ctrl', letter: input.toLowerCase() }];
  // Alt+letter and unknown escape sequences mean nothing here.
  if (key.meta) return [];
  return splitText(input);
}

/** Splits a plain run into text and the control characters inside it. */
export function splitText(input: string): Press[] {
  const out: Press[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push({ type: 'text', text });
    text = '';
  };
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code !== 0x7f) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') out.push({ type: 'enter' });
    else if (ch === '\t') out.push({ type: 'tab' });
    else if (ch === '\u007f' || ch === '\b') out.push({ type: 'backspace' });
    else if (ch === '\u001b') out.push({ type: 'escape' });
    else if (code >= 1 && code <= 26) {
      out.push({ type: 'ctrl', letter: String.fromCharCode(code + 0x60) });
    }
  }
  flush();
  return out;
}

/** The same presses with every text run cut into single characters (for key tables). */
export function singleKeys(presses: readonly Press[]): Press[] {
  const out: Press[] = [];
  for (const p of presses) {
    if (p.type === 'text') for (const ch of p.text) out.push({ type: 'text', text: ch });
    else out.push(p);
  }
  return out;
}

/** The same presses with neighbouring text runs joined again (undoes singleKeys). */
export function joinText(presses: readonly Press[]): Press[] {
  const out: Press[] = [];
  for (const p of presses) {
    const last = out.at(-1);
    if (p.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

export const isCtrlC = (p: Press): boolean => p.type === 'ctrl' && p.letter === 'c';
