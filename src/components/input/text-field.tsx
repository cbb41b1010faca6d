import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { safeLine } from '../../lib/safe-text.js';
import { clip } from '../clip.js';

/** Shown for any non-empty hidden value: its width never depends on the value. */
export const MASK = '•'.repeat(8);
/** Drawn at the cursor: inverse video alone vanishes when colour is off. */
export const CURSOR = '▏';

export interface TextFieldProps {
  /** Text before the value, e.g. "Value"; a colon is added. */
  label?: string;
  value: string;
  /** Index into value (TextState.cursor). */
  cursor: number;
  /** Hide the value behind a fixed-width mask. */
  mask?: boolean;
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
  /** Shown in red on the line below. */
  error?: string;
  /** Draw the cursor and a bold label. */
  focused?: boolean;
  /** Most columns the value part may use; long values scroll to keep the cursor in view. */
  width?: number;
}

/**
 * Keeps the cursor in view when the shown text is wider than `width`: most of the
 * room goes to the text before the cursor, where typing happens. Widths count
 * UTF-16 units, so wide characters may overshoot; Ink's truncation catches that.
 */
export function fitAround(before: string, after: string, width: number): [string, string] {
  const room = Math.max(1, width - 1); // one column for the cursor glyph
  if (before.length + after.length <= room) return [before, after];
  const afterRoom = Math.min(after.length, Math.floor(room / 3));
  const beforeRoom = Math.min(before.length, room - afterRoom);
  const afterShown = after.slice(0, room - beforeRoom);
  let beforeShown = before.slice(before.length - beforeRoom);
  if (beforeShown.length < before.length) beforeShown = `…${beforeShown.slice(1)}`;
  const cut = afterShown.length < after.length;
  return [beforeShown, cut ? `${afterShown.slice(0, -1)}…` : afterShown];
}

/** One input line (plus an error line): label, value or mask, cursor glyph. */
export function TextField({
  label,
  value,
  cursor,
  mask = false,
  placeholder,
  error,
  focused = false,
  width,
}: TextFieldProps) {
  const caret = focused ? CURSOR : '';
  let body: ReactNode;
  if (value === '') {
    body = (
      <>
        {caret}
        {placeholder ? (
          <Text dimColor>
            {width === undefined
              ? safeLine(placeholder)
              : clip(safeLine(placeholder), Math.max(1, width - caret.length))}
          </Text>
        ) : null}
      </>
    );
  } else if (mask) {
    body = MASK + caret;
  } else {
    // Sanitize each side apart: a control character becomes several visible ones,
    // so the cursor index into the raw value would not match the shown text.
    const at = Math.max(0, Math.min(cursor, value.length));
    let before = safeLine(value.slice(0, at));
    let after = safeLine(value.slice(at));
    if (width !== undefined) [before, after] = fitAround(before, after, width);
    body = before + caret + after;
  }
  return (
    <Box flexDirection="column">
      <Box>
        {label ? <Text bold={focused}>{`${safeLine(label)}: `}</Text> : null}
        <Text wrap="truncate-end">{body}</Text>
      </Box>
      {error ? (
        <Text color="red" wrap="truncate-end">
          {safeLine(error)}
        </Text>
      ) : null}
    </Box>
  );
}
