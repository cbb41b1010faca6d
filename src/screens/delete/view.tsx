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
  /** The cloud project, as "name (id)", when known. */
  project?: string;
  vaultPath: string;
}

const ASK_HINTS = [
  { keys: 'y', what: 'delete' },
  { keys: 'any other key', what: 'keep it' },
];
const CLOUD_HINTS = [
  { keys: 'y', what: 'delete both' },
  { keys: 'n', what: 'only the vault copy' },
  { keys: 'any other key', what: 'keep both' },
];

export function DeleteView({ state, name, updatedAt, project, vaultPath }: DeleteViewProps) {
  const shown = safeLine(name);
  const hints =
    state.phase === 'asking'
      ? ASK_HINTS
      : state.phase === 'asking-cloud'
        ? CLOUD_HINTS
        : [{ keys: 'any key', what: 'back' }];
  const where = project ? `project ${safeLine(project)}` : 'the cloud';
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
      {state.phase === 'asking-cloud' || (state.alsoCloud && state.phase !== 'back') ? (
        <>
          <Text bold wrap="truncate-end">{`Delete its cloud copy in ${where} too? y/n`}</Text>
          <Text dimColor wrap="truncate-end">
            Launches that map it by name would then fail in the cloud.
          </Text>
          <Text> </Text>
        </>
      ) : null}
      {state.phase === 'deleting' ? <Spinner label="Deleting…" /> : null}
    </Frame>
  );
}
