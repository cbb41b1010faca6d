import { Box, Text } from 'ink';
import type { KeyHint } from '../../components/key-help.js';
import { Spinner } from '../../components/spinner.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { safeLine } from '../../lib/safe-text.js';
import { MIN_PASSPHRASE } from '../../store/vault-rules.js';
import { Frame } from '../shared/frame.js';
import { LabeledField } from '../shared/labeled-field.js';
import { tildePath } from '../shared/text.js';
import type { CreateState } from './reducer.js';

const LABEL = 14;

export function CreateView({ state, vaultPath }: { state: CreateState; vaultPath: string }) {
  const { columns } = useTerminalSize();
  const creating = state.phase === 'creating';
  const hints: KeyHint[] = [
    { keys: 'Enter', what: state.focus === 'first' ? 'next' : 'create' },
    { keys: 'Esc', what: state.focus === 'first' ? 'quit' : 'start over' },
  ];
  return (
    <Frame title="new vault" hints={creating ? [] : hints} status={tildePath(vaultPath)}>
      <Text>No vault yet. Choose a passphrase to create one at</Text>
      <Text wrap="truncate-start">{`  ${safeLine(vaultPath)}`}</Text>
      <Text> </Text>
      <LabeledField
        label="Passphrase"
        labelWidth={LABEL}
        state={state.first}
        focused={!creating && state.focus === 'first'}
        mask
        placeholder={`at least ${MIN_PASSPHRASE} characters`}
        error={state.focus === 'first' ? state.error : null}
        width={columns}
      />
      <LabeledField
        label="Confirm"
        labelWidth={LABEL}
        state={state.second}
        focused={!creating && state.focus === 'second'}
        mask
        placeholder="the same passphrase again"
        error={state.focus === 'second' ? state.error : null}
        width={columns}
      />
      <Text> </Text>
      <Box>
        {creating ? (
          <Spinner label="Creating the vault (deriving the key)…" />
        ) : (
          <Text dimColor wrap="wrap">
            Nobody can recover a lost passphrase: without it, the secrets cannot be read.
          </Text>
        )}
      </Box>
    </Frame>
  );
}
