import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { KeyHint } from '../../components/key-help.js';
import { StatusBar, truncateStart } from '../../components/status-bar.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { safeLine } from '../../lib/safe-text.js';

/** A one-line message under the body; the mark keeps its meaning without colour. */
export interface Message {
  tone: 'ok' | 'error' | 'info';
  text: string;
}

const MARK = { ok: '✓ ', error: '✗ ', info: '' } as const;
const COLOR = { ok: 'green', error: 'red', info: undefined } as const;

/** Lines the frame itself takes: title, rule, message, status bar. */
export const FRAME_LINES = 4;

/** Body lines a screen may use: the frame stays at rows - 1 so Ink never clears the screen. */
export function bodyLines(rows: number): number {
  return Math.max(1, rows - 1 - FRAME_LINES);
}

export interface FrameProps {
  /** After "lsec · " on the title line. */
  title: string;
  /** Right side of the title line (dim). */
  right?: string;
  message?: Message | null;
  /** Key hints for the status bar. */
  hints: readonly KeyHint[];
  /** Right side of the status bar, usually the vault path: cut from its start to leave the hints whole. */
  status?: string;
  /** Kept whole after `status`, e.g. "12 secrets". */
  statusTail?: string;
  children: ReactNode;
}

/** The status bar's right part, fitted into what the hints leave of `columns`. */
export function statusRight(
  hints: readonly KeyHint[],
  columns: number,
  status = '',
  tail = '',
): string {
  const hintsWidth = hints.map((h) => `${h.keys} ${h.what}`).join(' · ').length;
  const room = columns - hintsWidth - 2;
  const sep = status && tail ? ' · ' : '';
  const pathRoom = room - tail.length - sep.length;
  // A path cut shorter than this says nothing; the hints matter more, so drop it.
  if (tail && pathRoom < 12) return tail;
  return truncateStart(safeLine(status), Math.max(12, pathRoom)) + sep + tail;
}

/** The page every screen draws in: title, rule, body, message, status bar. */
export function Frame(props: FrameProps) {
  const { title, right = '', message, hints, status, statusTail, children } = props;
  const { columns, rows } = useTerminalSize();
  const head = `lsec · ${safeLine(title)}`;
  const shownRight = safeLine(right);
  const gap = Math.max(1, columns - head.length - shownRight.length);
  // Only the body may shrink: Yoga shares missing room among every shrinkable child,
  // and a Text squeezed to height 0 is drawn over its neighbour.
  return (
    <Box flexDirection="column" height={Math.max(1, rows - 1)} width={columns} overflow="hidden">
      <Box flexShrink={0}>
        <Text wrap="truncate-end">
          <Text bold>{head}</Text>
          {' '.repeat(gap)}
          <Text dimColor>{shownRight}</Text>
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text dimColor>{'─'.repeat(Math.max(0, columns))}</Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
        {/* The body keeps its natural height; the box around it clips what does not fit. */}
        <Box flexDirection="column" flexGrow={1} flexShrink={0}>
          {children}
        </Box>
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate-end" color={message ? COLOR[message.tone] : undefined}>
          {message ? MARK[message.tone] + safeLine(message.text) : ' '}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text dimColor>
          <StatusBar
            hints={hints}
            right={statusRight(hints, columns, status, statusTail)}
            width={columns}
          />
        </Text>
      </Box>
    </Box>
  );
}
