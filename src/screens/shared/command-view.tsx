// The whole command on a page of its own, for when the launch or mappings screen
// has no room for all of it: every line can be scrolled into view, none is cut.
import { Text } from 'ink';
import type { KeyHint } from '../../components/key-help.js';
import { safeLine } from '../../lib/safe-text.js';
import { bodyLines, Frame, type Message } from './frame.js';

/** The heading and the position line take two of the body's lines. */
export function commandViewRows(rows: number): number {
  return Math.max(1, bodyLines(rows) - 2);
}

/** The first line shown, kept so the last page is full. */
export function commandOffset(offset: number, lines: number, room: number): number {
  return Math.max(0, Math.min(offset, lines - room));
}

export interface CommandViewProps {
  title: string;
  right?: string;
  lines: readonly string[];
  offset: number;
  rows: number;
  hints: readonly KeyHint[];
  message?: Message | null;
  status?: string;
}

export function CommandView(props: CommandViewProps) {
  const { lines, rows } = props;
  const room = commandViewRows(rows);
  const offset = commandOffset(props.offset, lines.length, room);
  const shown = lines.slice(offset, offset + room);
  const last = offset + shown.length;
  const position =
    lines.length > room
      ? `  lines ${offset + 1}–${last} of ${lines.length} · ↑/↓ scroll`
      : `  all ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} shown`;
  return (
    <Frame
      title={props.title}
      right={props.right}
      message={props.message}
      hints={props.hints}
      status={props.status}
    >
      <Text bold dimColor wrap="truncate-end">
        {'  THE WHOLE COMMAND'}
      </Text>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one command, rebuilt whole
        <Text key={offset + i} wrap="truncate-end">
          {safeLine(line)}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {position}
      </Text>
    </Frame>
  );
}
