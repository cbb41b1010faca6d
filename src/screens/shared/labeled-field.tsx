import { Box, Text } from 'ink';
import { TextField } from '../../components/input/text-field.js';
import type { TextState } from '../../components/input/text-state.js';
import { safeLine } from '../../lib/safe-text.js';

export interface LabeledFieldProps {
  label: string;
  /** Columns for the label, so the fields of a form line up. */
  labelWidth: number;
  state: TextState;
  focused: boolean;
  mask?: boolean;
  placeholder?: string;
  /** Shown under the value, marked so it reads without colour. */
  error?: string | null;
  /** Columns the whole line may take. */
  width: number;
}

/** A form row: an aligned label, the field, and its error underneath. */
export function LabeledField({
  label,
  labelWidth,
  state,
  focused,
  mask,
  placeholder,
  error,
  width,
}: LabeledFieldProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={labelWidth} flexShrink={0}>
          <Text bold={focused}>{`${focused ? '›' : ' '} ${label}`}</Text>
        </Box>
        <TextField
          value={state.value}
          cursor={state.cursor}
          mask={mask}
          focused={focused}
          placeholder={focused ? placeholder : undefined}
          width={Math.max(8, width - labelWidth)}
        />
      </Box>
      {error ? (
        // Wrapped, not cut: the end of a message is often the fix ("use github-api-token").
        <Box marginLeft={labelWidth}>
          <Text color="red" wrap="wrap">{`✗ ${safeLine(error)}`}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
