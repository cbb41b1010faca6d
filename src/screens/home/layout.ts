// Home's line budget. Everything is counted so the frame stays at rows - 1 lines.
import { safeLine } from '../../lib/safe-text.js';
import { bodyLines } from '../shared/frame.js';
import { hardWrap } from '../shared/text.js';

export const DATE_WIDTH = 16;
export const MASK_WIDTH = 8;

/** The cloud column ("not pushed", "cloud only"), shown when credentials exist. */
export const CLOUD_WIDTH = 10;

/**
 * The columns a row uses before its value: the marker, the name, the date, then the
 * MAPPED and CLOUD columns when shown, each with its gap.
 */
export function valueOffset(name: number, mappedWidth: number, cloudColumn: boolean): number {
  const mapped = mappedWidth ? mappedWidth + 2 : 0;
  return 2 + name + 2 + DATE_WIDTH + 2 + mapped + (cloudColumn ? CLOUD_WIDTH + 2 : 0);
}

/** What a row needs besides its name: the other columns, the mask and one spare column. */
const fixedWidth = (mappedWidth: number, cloudColumn: boolean) =>
  valueOffset(0, mappedWidth, cloudColumn) + MASK_WIDTH + 1;

export function nameWidth(
  longest: number,
  columns: number,
  cloudColumn = false,
  mappedWidth = 0,
): number {
  return Math.max(
    4,
    Math.min(Math.max(longest, 4), columns - fixedWidth(mappedWidth, cloudColumn)),
  );
}

/**
 * The MAPPED column's width: its longest entry, 6 to 20 columns; 0 (no column) when
 * nothing is mapped or the names would keep fewer than 10 columns.
 */
export function mappedWidth(longest: number, columns: number, cloudColumn = false): number {
  if (longest === 0) return 0;
  const width = Math.max(6, Math.min(20, longest));
  return columns - fixedWidth(width, cloudColumn) >= 10 ? width : 0;
}

/**
 * How many lines the value and its "… more" line may take: a quarter of the rows,
 * at most 8, and never more than the body leaves once the column header, one row,
 * the position line, the panel's heading and `taken` (filter, cloud error) are in.
 */
export function revealRoom(rows: number, taken = 0): number {
  return Math.max(1, Math.min(8, Math.floor(rows / 4), bodyLines(rows) - 4 - taken));
}

/**
 * The revealed value as sanitized display lines, wrapped by hand so the panel's
 * height is known, plus how many of the value's own lines (not screen rows) are not
 * shown whole.
 */
export function revealLines(
  value: string,
  columns: number,
  rows: number,
  taken = 0,
): { lines: string[]; more: number } {
  const width = Math.max(1, columns - 4);
  const wrapped = value.split('\n').map((line) => hardWrap(safeLine(line), width));
  const all = wrapped.flat();
  const room = revealRoom(rows, taken);
  if (all.length <= room) return { lines: all, more: 0 };
  const lines = all.slice(0, room - 1);
  // Value lines whose every row is shown; the one cut in the middle counts as not shown.
  let whole = 0;
  for (let rowsUsed = 0; whole < wrapped.length; whole++) {
    rowsUsed += wrapped[whole]!.length;
    if (rowsUsed > lines.length) break;
  }
  return { lines, more: wrapped.length - whole };
}

/**
 * "1–3 of 3" on the left, "3 secrets · ~/path" on the right, in `columns`: the
 * position and the count stay whole; the path is cut from its start ("…/vault.json")
 * or left out when too little of it would show.
 */
export function positionLine(position: string, count: string, path: string, columns: number) {
  const room = columns - position.length - count.length - 2;
  const pathRoom = room - 3; // " · "
  let right = count;
  if (pathRoom >= path.length) right = `${count} · ${path}`;
  else if (pathRoom >= 12) right = `${count} · …${path.slice(path.length - pathRoom + 1)}`;
  const gap = Math.max(2, columns - position.length - right.length);
  return position + ' '.repeat(gap) + right;
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
