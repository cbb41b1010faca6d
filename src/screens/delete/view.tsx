import { Text } from 'ink';
import { Spinner } from '../../components/spinner.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import { shortTime, tildePath } from '../shared/text.js';
import type { DeleteState } from './reducer.js';

export interface DeleteViewProps {
  state: DeleteState;
  name: string;
  updatedAt?: string;
  vaultPath: string;
}

export function DeleteView({ state, name, updatedAt, vaultPath }: DeleteViewProps) {
  const shown = safeLine(name);
  const hints =
    state.phase === 'asking'
      ? [
          { keys: 'y', what: 'delete' },
          { keys: 'any other key', what: 'keep it' },
        ]
      : [{ keys: 'any key', what: 'back' }];
  return (
    <Frame
      title="delete a secret"
      hints={state.phase === 'deleting' ? [] : hints}
      status={tildePath(vaultPath)}
      message={state.error ? { tone: 'error', text: state.error } : null}
    >
      <Text wrap="truncate-end">{`  ${shown}${updatedAt ? `   (updated ${shortTime(updatedAt)})` : ''}`}</Text>
      <Text> </Text>
      <Text bold wrap="truncate-end">{`Delete ${shown}? y/N`}</Text>
      <Text dimColor>Its value is removed from the vault; this cannot be undone.</Text>
      <Text> </Text>
      {state.phase === 'deleting' ? <Spinner label="Deleting…" /> : null}
    </Frame>
  );
}
