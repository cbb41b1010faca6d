// The launch screen's lines, counted before they are drawn so the frame stays at
// rows - 1: the checks scroll in the room the fixed lines and the command leave.
import { bodyLines } from '../shared/frame.js';
import { wrapWords } from '../shared/wrap.js';
import type { Check } from './checks.js';

export interface CheckLine {
  text: string;
  tone: 'ok' | 'error' | 'dim' | 'plain';
  /** Draw a spinner in place of the mark (a check still running). */
  spinner?: boolean;
}

const TONE = { '✓': 'ok', '✗': 'error', '…': 'plain', '–': 'dim' } as const;

/** Each check on its line, then each problem and its fix wrapped under it. */
export function checkLines(checks: readonly Check[], columns: number): CheckLine[] {
  const width = Math.max(10, columns - 2);
  const lines: CheckLine[] = [];
  for (const c of checks) {
    const spinner = c.mark === '…';
    // A running check's first line is drawn as "  ⠋ title": the text is the title alone.
    wrapWords(c.title, width - 2).forEach((text, i) => {
      if (spinner && i === 0) lines.push({ text, tone: 'plain', spinner: true });
      else lines.push({ text: `${i === 0 ? `  ${c.mark} ` : '    '}${text}`, tone: TONE[c.mark] });
    });
    for (const p of c.problems) {
      for (const text of wrapWords(`✗ ${p.message}`, width - 4, '  ')) {
        lines.push({ text: `      ${text}`, tone: 'error' });
      }
      for (const text of wrapWords(`fix: ${p.fix}`, width - 6, '     ')) {
        lines.push({ text: `        ${text}`, tone: 'plain' });
      }
    }
  }
  return lines;
}

export interface LaunchLayout {
  /** The Target and App lines (dropped, in that order, on a very short terminal). */
  target: boolean;
  app: boolean;
  checkRows: number;
  previewRows: number;
  /** The whole command is on screen, so Enter may launch it without asking. */
  commandFits: boolean;
  /** The note under the command (what happens to the values). */
  note: boolean;
  gaps: boolean;
}

/**
 * Shares the body between the parts by priority, so nothing is ever clipped by the
 * frame: the COMMAND heading and a first command line, the CHECKS verdict, the App
 * and Target lines, one check, the command up to half the body, the note, the other
 * checks, the rest of the command, then blank lines between the parts.
 */
export function launchLayout(rows: number, checks: number, preview: number): LaunchLayout {
  let room = bodyLines(rows);
  const take = (want: number): number => {
    const n = Math.max(0, Math.min(want, room));
    room -= n;
    return n;
  };
  take(1); // COMMAND heading
  let previewRows = take(1);
  take(1); // CHECKS heading and verdict
  const app = take(1) === 1;
  const target = take(1) === 1;
  let checkRows = take(Math.min(checks, 1));
  const half = Math.floor(bodyLines(rows) / 2);
  previewRows += take(Math.min(preview, half) - previewRows);
  const note = take(1) === 1;
  checkRows += take(checks - checkRows);
  previewRows += take(preview - previewRows);
  const gaps = take(2) === 2;
  return {
    target,
    app,
    checkRows,
    previewRows,
    commandFits: previewRows >= preview,
    note,
    gaps,
  };
}
