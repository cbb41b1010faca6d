// The mappings screen's line budget, so the frame stays at rows - 1 lines: the two
// lists get what the fixed lines, the panel (detail or editor) and the command
// preview leave. Pure.
import { bodyLines } from '../shared/frame.js';

/** Column header, position line, "PLAIN VARIABLES" and "COMMAND" headings. */
const FIXED = 4;
/** Most lines the panel under the lists may take. */
export const PANEL_MAX = 6;

export interface MappingsLayout {
  secretRows: number;
  plainRows: number;
  /** Lines of the command preview (and the problems under it) that fit. */
  previewRows: number;
  /** A blank line before each heading, when there is room for it. */
  gaps: boolean;
}

export function mappingsLayout(
  rows: number,
  counts: { plain: number },
  panelLines: number,
  previewLines: number,
): MappingsLayout {
  const body = bodyLines(rows);
  const panel = Math.min(PANEL_MAX, panelLines);
  // The preview gets what it needs up to a third of the body; the rest is cut with a note.
  const previewRows = Math.max(1, Math.min(previewLines, Math.floor(body / 3)));
  let rest = body - FIXED - panel - previewRows;
  const gaps = rest >= 14;
  if (gaps) rest -= 2;
  const plainRows = Math.max(1, Math.min(Math.max(1, counts.plain), Math.floor(rest / 3)));
  const secretRows = Math.max(1, rest - plainRows);
  return { secretRows, plainRows, previewRows, gaps };
}

/** Widths of the secret and env-name columns (marker, box and the status take the rest). */
export function columnWidths(
  longestSecret: number,
  longestEnv: number,
  columns: number,
): { secret: number; env: number } {
  // "❯ [x] " + two gaps + room for "✗ bad secret name".
  const room = Math.max(8, columns - 6 - 4 - 18);
  const half = Math.floor(room / 2);
  const secret = Math.max(6, Math.min(longestSecret, half));
  const env = Math.max(8, Math.min(longestEnv, room - secret));
  return { secret, env };
}
