// The mappings screen's line budget, so the frame stays at rows - 1 lines: the two
// lists get what the fixed lines, the panel (detail or editor) and the command
// preview leave. Pure.
import { bodyLines } from '../shared/frame.js';

/** Most lines the panel under the lists may take. */
export const PANEL_MAX = 6;

export interface MappingsLayout {
  /** The "Filter: …" line over the secrets (shown while filtering or filtered). */
  filterLine: boolean;
  /** The column header and the secret rows; 0: neither is shown. */
  secretRows: number;
  /** The "1–4 of 9 · 2 mapped" line under the secrets. */
  position: boolean;
  /** The PLAIN VARIABLES heading and its rows; 0 rows: the part is left out. */
  plainRows: number;
  /** Lines of the panel under the lists (the editor, or what the row means). */
  panel: number;
  /** Lines of the command preview (and the problems under it) that fit. */
  previewRows: number;
  /** A blank line before each heading, when there is room for it. */
  gaps: boolean;
}

/**
 * Shares the body out by priority, so the frame never clips a line: an open
 * editor, the filter line, the COMMAND heading and its first line, the column header, one secret and
 * the position line, the plain variables, the panel, the command up to a third of the
 * body, blank lines when plenty is left, then the lists and the rest of the command.
 */
export function mappingsLayout(
  rows: number,
  counts: { plain: number; secrets?: number },
  panelLines: number,
  previewLines: number,
  editing = false,
  filter = false,
): MappingsLayout {
  const body = bodyLines(rows);
  let room = body;
  const take = (want: number): number => {
    const n = Math.max(0, Math.min(want, room));
    room -= n;
    return n;
  };
  const wantPanel = Math.min(PANEL_MAX, panelLines);
  // An open editor is what the keys go to: it comes first.
  let panel = editing ? take(wantPanel) : 0;
  // So is the filter while it has them; a kept filter says why rows are missing.
  const filterLine = filter && take(1) === 1;
  take(1); // COMMAND heading
  let previewRows = take(1);
  // The column header and a first secret, or neither.
  let secretRows = room >= 2 ? take(2) - 1 : 0;
  const position = take(1) === 1;
  // The heading and at least one row, or nothing of the part.
  let plainRows = room >= 2 ? take(2) - 1 : 0;
  panel += take(wantPanel - panel);
  previewRows += take(Math.min(previewLines, Math.floor(body / 3)) - previewRows);
  const gaps = room >= 16 && take(2) === 2;
  const plainWant = Math.max(1, Math.min(Math.max(1, counts.plain), Math.floor(room / 3)));
  if (plainRows > 0) plainRows += take(plainWant - plainRows);
  // What is left: the secrets in the list, the rest of the command, then blank rows.
  if (secretRows > 0) secretRows += take((counts.secrets ?? room) - secretRows);
  previewRows += take(previewLines - previewRows);
  if (secretRows > 0) secretRows += take(room);
  return { filterLine, secretRows, position, plainRows, panel, previewRows, gaps };
}

/**
 * The terminal rows (1-based) of each list's first item as the view draws them, for
 * mouse clicks; 0 for a list not shown. Title and rule take rows 1 and 2; then the
 * filter line, the secrets' column header and rows (`shown` of them fill the room,
 * an empty list takes one line), the position line, a gap and the plain heading.
 */
export function listTops(
  layout: MappingsLayout,
  shown: number,
): { secrets: number; plain: number } {
  let row = 3 + (layout.filterLine ? 1 : 0);
  const secrets = layout.secretRows > 0 ? row + 1 : 0;
  if (layout.secretRows > 0) row += 1 + Math.max(1, Math.min(layout.secretRows, shown));
  if (layout.position) row += 1;
  const plain = layout.plainRows > 0 ? row + (layout.gaps ? 1 : 0) + 1 : 0;
  return { secrets, plain };
}

/** Widths of the secret and env-name columns (marker, box and the status take the rest). */
export function columnWidths(
  longestSecret: number,
  longestEnv: number,
  columns: number,
): { secret: number; env: number } {
  // "❯ [x] " + two gaps + room for "✗ bad secret name" (on a narrow terminal, for
  // "not in vault": the names matter more, and a longer note ends in "…").
  const room = Math.max(8, columns - 6 - 4 - (columns >= 60 ? 18 : 12));
  const half = Math.floor(room / 2);
  const secret = Math.max(6, Math.min(longestSecret, half));
  const env = Math.max(9, Math.min(longestEnv, room - secret));
  return { secret, env };
}
