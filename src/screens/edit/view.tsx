import { Box, Text } from 'ink';
import type { KeyHint } from '../../components/key-help.js';
import { Spinner } from '../../components/spinner.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import { LabeledField } from '../shared/labeled-field.js';
import { tildePath } from '../shared/text.js';
import { type EditState, nameProblem } from './reducer.js';

const LABEL = 10;

function hintsFor(state: EditState): KeyHint[] {
  if (state.phase !== 'typing') return [];
  if (state.focus === 'name')
    return [
      { keys: 'Enter', what: 'next' },
      { keys: 'Esc', what: 'cancel' },
    ];
  return [
    { keys: 'Enter', what: 'save' },
    { keys: 'Tab', what: state.fromFile ? 'type the value' : 'value from file' },
    ...(state.fromFile ? [] : [{ keys: 'Ctrl+G', what: 'generate' }]),
    ...(state.mode === 'add' ? [{ keys: '↑', what: 'name' }] : []),
    { keys: 'Esc', what: 'cancel' },
  ];
}

function lineCount(value: string): number {
  let n = 1;
  for (const ch of value) if (ch === '\n') n++;
  return n;
}

export function EditView({ state, vaultPath }: { state: EditState; vaultPath: string }) {
  const { columns } = useTerminalSize();
  const typing = state.phase === 'typing';
  const onValue = typing && state.focus === 'value';
  const name = state.name.value;
  const lines = lineCount(state.value.value);
  return (
    <Frame
      title={state.mode === 'add' ? 'add a secret' : `edit ${name}`}
      hints={hintsFor(state)}
      status={tildePath(vaultPath)}
    >
      {state.mode === 'add' ? (
        <LabeledField
          label="Name"
          labelWidth={LABEL}
          state={state.name}
          focused={typing && state.focus === 'name'}
          placeholder="e.g. github-api-token"
          error={nameProblem(state)}
          width={columns}
        />
      ) : (
        <Box>
          <Box width={LABEL} flexShrink={0}>
            <Text>{'  Name'}</Text>
          </Box>
          <Text wrap="truncate-end">{`${safeLine(name)}  (the name stays; type a new value)`}</Text>
        </Box>
      )}
      {state.fromFile ? (
        <LabeledField
          label="File"
          labelWidth={LABEL}
          state={state.path}
          focused={onValue}
          placeholder="path, e.g. ~/keys/deploy.pem"
          error={state.error}
          width={columns}
        />
      ) : (
        <LabeledField
          label="Value"
          labelWidth={LABEL}
          state={state.value}
          focused={onValue}
          mask
          placeholder="hidden as you type"
          error={state.error}
          width={columns}
        />
      )}
      <Text> </Text>
      {state.fromFile ? (
        <Text dimColor wrap="wrap">
          The file's content becomes the value (one trailing newline is dropped). Tab: type the
          value instead.
        </Text>
      ) : (
        <Text dimColor wrap="wrap">
          {lines > 1
            ? `The value has ${lines} lines. Tab: read the value from a file instead.`
            : 'Tab: read the value from a file instead (PEM keys and other multi-line values).'}
        </Text>
      )}
      <Text> </Text>
      {state.phase === 'saving' ? <Spinner label="Saving…" /> : null}
    </Frame>
  );
}
