import { Text } from 'ink';
import { Spinner } from '../../components/spinner.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import { LabeledField } from '../shared/labeled-field.js';
import { tildePath } from '../shared/text.js';
import { type RenameState, renameProblem } from './reducer.js';

export function RenameView({ state, vaultPath }: { state: RenameState; vaultPath: string }) {
  const { columns } = useTerminalSize();
  const typing = state.phase === 'typing';
  return (
    <Frame
      title={`rename ${safeLine(state.from)}`}
      hints={
        typing
          ? [
              { keys: 'Enter', what: 'rename' },
              { keys: 'Esc', what: 'cancel' },
            ]
          : []
      }
      status={tildePath(vaultPath)}
      message={state.error ? { tone: 'error', text: state.error } : null}
    >
      <LabeledField
        label="New name"
        labelWidth={12}
        state={state.name}
        focused={typing}
        placeholder="e.g. github-api-token"
        error={renameProblem(state)}
        width={columns}
      />
      <Text> </Text>
      <Text dimColor wrap="wrap">
        The value and its history move to the new name; mappings to it in .lsec.json follow. The
        cloud keeps the old name until you push the new one.
      </Text>
      <Text> </Text>
      {state.phase === 'saving' ? <Spinner label="Renaming…" /> : null}
    </Frame>
  );
}
