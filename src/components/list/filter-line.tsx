import { Box, Text } from 'ink';
import { TextField } from '../input/text-field.js';
import type { TextState } from '../input/text-state.js';

/** The "Filter: …" line over a filtered list, with the keys that work on it. */
export function FilterLine({
  field,
  focused,
  width,
}: {
  field: TextState;
  /** The field has the keys (typing filters); otherwise the filter is only kept. */
  focused: boolean;
  width: number;
}) {
  const tail = focused ? '   Enter keep · Esc clear' : '   / change · Esc clear';
  return (
    <Box>
      <TextField
        label="Filter"
        value={field.value}
        cursor={field.cursor}
        focused={focused}
        width={Math.max(8, width - 8 - tail.length)}
      />
      <Text dimColor>{tail}</Text>
    </Box>
  );
}
