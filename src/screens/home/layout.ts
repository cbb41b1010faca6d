// Home's line budget. Everything is counted so the frame stays at rows - 1 lines.
import { safeLine } from '../../lib/safe-text.js';
import { bodyLines } from '../shared/frame.js';
import { hardWrap } from '../shared/text.js';

/** Marker, gaps, the date and the mask: the columns a row uses besides the name. */
export const DATE_WIDTH = 16;
export const MASK_WIDTH = 8;
const FIXED = 2 + 2 + DATE_WIDTH + 2 + MASK_WIDTH + 1;

/** The cloud column ("not pushed", "cloud only"), shown when credentials exist. */
export const CLOUD_WIDTH = 10;

export function nameWidth(longest: number, columns: number, cloudColumn = false): number {
  const fixed = FIXED + (cloudColumn ? CLOUD_WIDTH + 2 : 0);
  return Math.max(4, Math.min(Math.max(longest, 4), columns - fixed));
}

/** How many lines of a revealed value show at most. */
export function revealRoom(rows: number): number {
  return Math.max(1, Math.min(8, Math.floor(rows / 4)));
}

/**
 * The revealed value as sanitized display lines, wrapped by hand so the panel's
 * height is known, plus how many lines did not fit.
 */
export function revealLines(
  value: string,
  columns: number,
  rows: number,
): { lines: string[]; more: number } {
  const safe = value.split('\n').map(safeLine).join('\n');
  const all = hardWrap(safe, Math.max(1, columns - 4));
  const room = revealRoom(rows);
  if (all.length <= room) return { lines: all, more: 0 };
  return { lines: all.slice(0, room - 1), more: all.length - (room - 1) };
}

export interface HomeLayout {
  /** Item rows of the list. */
  listRows: number;
  /** Lines of the reveal panel (0 when nothing is revealed). */
  panel: number;
  filterLine: boolean;
  /** The cloud's error lines (its message and hint). */
  cloudLines: number;
}

/**
 * Body = column header + list rows + the list's position line + filter line +
 * cloud error lines + reveal panel (its heading and value lines).
 */
export function homeLayout(
  rows: number,
  revealedLines: number,
  filterLine: boolean,
  cloudLines = 0,
): HomeLayout {
  const panel = revealedLines > 0 ? revealedLines + 1 : 0;
  const fixed = 2 + (filterLine ? 1 : 0) + cloudLines + panel;
  return { listRows: Math.max(1, bodyLines(rows) - fixed), panel, filterLine, cloudLines };
}
