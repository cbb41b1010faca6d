import { Box, Text } from 'ink';

/** One key binding: `{keys: 'j/k ↑/↓', what: 'move'}`. */
export interface KeyHint {
  keys: string;
  what: string;
}

export interface KeyHelpProps {
  rows: readonly KeyHint[];
  /** Optional heading line above the table. */
  title?: string;
}

/** The body of a help screen: keys in an aligned left column, what they do on the right. */
export function KeyHelp({ rows, title }: KeyHelpProps) {
  // Two columns of padding keep the descriptions aligned without a border.
  const keysWidth = rows.reduce((max, row) => Math.max(max, row.keys.length), 0) + 2;
  return (
    <Box flexDirection="column">
      {title ? <Text bold>{title}</Text> : null}
      {rows.map((row) => (
        <Box key={`${row.keys}\u0000${row.what}`}>
          <Box width={keysWidth} flexShrink={0}>
            <Text bold>{row.keys}</Text>
          </Box>
          <Text wrap="truncate-end">{row.what}</Text>
        </Box>
      ))}
    </Box>
  );
}
