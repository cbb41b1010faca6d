import { Box, Text } from 'ink';
import type { KeyHint } from '../../components/key-help.js';
import { Spinner } from '../../components/spinner.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { safeLine, safeText } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import { LabeledField } from '../shared/labeled-field.js';
import { sentence, tildePath } from '../shared/text.js';
import type { UnlockState } from './reducer.js';

export interface UnlockViewProps {
  state: UnlockState;
  vaultPath: string;
  notice?: string;
}

function DamageReport({ state, vaultPath }: UnlockViewProps) {
  const damage = state.damage!;
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        ✗ The vault cannot be opened: it is damaged.
      </Text>
      <Text wrap="wrap">{sentence(safeText(damage.message))}</Text>
      <Text> </Text>
      <Text wrap="truncate-start">{`File: ${safeLine(vaultPath)}`}</Text>
      {damage.hint ? <Text wrap="wrap">{sentence(safeText(damage.hint))}.</Text> : null}
      <Text> </Text>
      <Text bold>Press any key to leave (exit code 4).</Text>
    </Box>
  );
}

export function UnlockView(props: UnlockViewProps) {
  const { state, vaultPath, notice } = props;
  const { columns } = useTerminalSize();
  const damaged = state.phase === 'damaged' || state.phase === 'leave';
  const hints: KeyHint[] = damaged
    ? [{ keys: 'any key', what: 'leave' }]
    : [
        { keys: 'Enter', what: 'unlock' },
        { keys: 'Esc', what: 'quit' },
      ];
  if (damaged) {
    return (
      <Frame title="vault damaged" hints={hints} status={tildePath(vaultPath)}>
        <DamageReport {...props} />
      </Frame>
    );
  }
  return (
    <Frame
      title="unlock"
      hints={state.phase === 'typing' ? hints : []}
      status={tildePath(vaultPath)}
      message={notice && state.error === null ? { tone: 'info', text: notice } : null}
    >
      <Text>Type the passphrase to open the vault at</Text>
      <Text wrap="truncate-start">{`  ${safeLine(vaultPath)}`}</Text>
      <Text> </Text>
      <LabeledField
        label="Passphrase"
        labelWidth={14}
        state={state.field}
        focused={state.phase === 'typing'}
        mask
        error={state.error}
        width={columns}
      />
      <Text> </Text>
      {state.phase === 'unlocking' ? <Spinner label="Unlocking (deriving the key)…" /> : null}
    </Frame>
  );
}
