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

/** Target, app, the CHECKS and COMMAND headings, and the note under the command. */
const FIXED = 5;

export interface LaunchLayout {
  checkRows: number;
  previewRows: number;
  gaps: boolean;
}

export function launchLayout(rows: number, checks: number, preview: number): LaunchLayout {
  const body = bodyLines(rows);
  const previewRows = Math.max(1, Math.min(preview, Math.floor(body / 3)));
  let rest = body - FIXED - previewRows;
  // Blank lines between the parts only when every check still fits with them.
  const gaps = rest - 2 >= checks;
  if (gaps) rest -= 2;
  return { checkRows: Math.max(1, rest), previewRows, gaps };
}
