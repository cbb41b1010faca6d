import { Text } from 'ink';
import { safeLine } from '../lib/safe-text.js';
import type { KeyHint } from './key-help.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface StatusBarProps {
  /** Key hints, shown as `a add · e edit · …`. */
  hints: readonly KeyHint[];
  /** Right-aligned text, e.g. "12 secrets · ~/apps/demo"; trimmed from its start. */
  right?: string;
  /** Columns to fill; default: the terminal's width. */
  width?: number;
}

export function truncateEnd(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 0 ? '' : `${text.slice(0, width - 1)}…`;
}

// Paths keep their informative end: "…/apps/demo".
export function truncateStart(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 0 ? '' : `…${text.slice(text.length - width + 1)}`;
}

/**
 * The hints that fit in `room` columns. Whole hints are dropped from before the last
 * two, which every screen keeps for `? help` and the way out, so a narrow terminal
 * still shows where to find the rest; only then is the text cut.
 */
function fitHints(hints: readonly KeyHint[], room: number): string {
  const kept = [...hints];
  const text = () => kept.map((hint) => `${hint.keys} ${hint.what}`).join(' · ');
  while (text().length > room && kept.length > 2) kept.splice(kept.length - 3, 1);
  return truncateEnd(text(), room);
}

/**
 * Lays hints and the right part out in `width` columns: the right part gets what
 * the hints leave, but at least half the line; hints are dropped as fitHints says.
 */
export function statusLine(
  hints: readonly KeyHint[],
  right: string,
  width: number,
): { left: string; gap: string; right: string } {
  const w = Math.max(0, Math.floor(width));
  const fullLeft = hints.map((hint) => `${hint.keys} ${hint.what}`).join(' · ');
  const rightRoom = Math.max(w - fullLeft.length - 1, Math.floor(w / 2));
  const shownRight = truncateStart(right, Math.min(right.length, rightRoom));
  const leftRoom = w - shownRight.length - (shownRight ? 1 : 0);
  const left = fitHints(hints, leftRoom);
  const gap = ' '.repeat(Math.max(0, w - left.length - shownRight.length));
  return { left, gap, right: shownRight };
}

/** The one-line footer: key hints on the left, count/path on the right. */
export function StatusBar({ hints, right = '', width }: StatusBarProps) {
  const { columns } = useTerminalSize();
  const line = statusLine(
    hints.map((hint) => ({ keys: safeLine(hint.keys), what: safeLine(hint.what) })),
    safeLine(right),
    width ?? columns,
  );
  // Lengths count UTF-16 units; truncate-end is the backstop for wide characters.
  return (
    <Text wrap="truncate-end">
      {line.left}
      {line.gap}
      <Text dimColor>{line.right}</Text>
    </Text>
  );
}
