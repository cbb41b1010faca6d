import { Box, Text } from 'ink';
import { clip } from '../../components/clip.js';
import { TextField } from '../../components/input/text-field.js';
import type { KeyHint } from '../../components/key-help.js';
import { Spinner } from '../../components/spinner.js';
import { count } from '../../lib/count.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame, type Message } from '../shared/frame.js';
import type { CheckLine, LaunchLayout } from './layout.js';
import type { LaunchState } from './reducer.js';

const LABEL = 9;

function hintsFor(state: LaunchState, layout: LaunchLayout): readonly KeyHint[] {
  if (state.editingApp) {
    return [
      { keys: 'Enter', what: 'launch' },
      { keys: 'Tab/Esc', what: 'done' },
    ];
  }
  return [
    { keys: 'Enter', what: 'launch' },
    ...(layout.commandFits ? [] : [{ keys: 'f', what: 'whole command' }]),
    state.kind === 'deployment'
      ? { keys: 't', what: 'run app instead' }
      : { keys: 'c', what: state.target === 'cloud' ? 'run locally' : 'run in the cloud' },
    { keys: 'm', what: 'mappings' },
    { keys: 'Esc', what: 'back' },
    { keys: '?', what: 'help' },
    { keys: 'q', what: 'quit' },
  ];
}

const COLOR = { ok: 'green', error: 'red', dim: undefined, plain: undefined } as const;

export interface LaunchViewProps {
  state: LaunchState;
  layout: LaunchLayout;
  profileName: string;
  /** The app as the launch would use it ('' when none). */
  app: string;
  /** The project folder as shown (home as ~). */
  folder: string;
  lines: readonly CheckLine[];
  /** "✓ every check passed" or "✗ 2 problems". */
  verdict: string;
  preview: readonly string[];
  /** What happens to the values, one line. */
  note: string;
  /** Shown when the reducer has nothing to say. */
  fallback: Message | null;
  columns: number;
}

function Line({ line }: { line: CheckLine }) {
  if (line.spinner) {
    return (
      <Box>
        <Text>{'  '}</Text>
        <Spinner label={safeLine(line.text)} />
      </Box>
    );
  }
  return (
    <Text wrap="truncate-end" color={COLOR[line.tone]} dimColor={line.tone === 'dim'}>
      {safeLine(line.text)}
    </Text>
  );
}

/**
 * The command lines that fit; when some do not, the last one says how many are
 * left out and how to see them, so the command is never cut silently.
 */
export function fitPreview(preview: readonly string[], rows: number): string[] {
  if (preview.length <= rows) return [...preview];
  if (rows <= 0) return [];
  const kept = preview.slice(0, rows - 1);
  const more = preview.length - kept.length;
  return [...kept, `  … ${count(more, 'more line')}: f shows them all`];
}

export function LaunchView(props: LaunchViewProps) {
  const { state, layout, lines, columns } = props;
  const preview = fitPreview(props.preview, layout.previewRows);
  const shown = lines.slice(state.offset, state.offset + layout.checkRows);
  const below = lines.length - state.offset - shown.length;
  const cloud = state.target === 'cloud';
  const gap = layout.gaps ? <Text> </Text> : null;
  const scrollNote =
    state.offset > 0 || below > 0 ? `  (${state.offset} above, ${below} below: ↑/↓ scroll)` : '';
  return (
    <Frame
      title="launch"
      right={`profile ${props.profileName}`}
      message={state.message ?? props.fallback}
      hints={hintsFor(state, layout)}
      status={props.folder}
    >
      {!layout.target ? null : state.kind === 'deployment' ? (
        <Text wrap="truncate-end">
          {`  ${'Target'.padEnd(LABEL)}`}
          <Text bold>● deployment (cloud)</Text>
          <Text dimColor>{'    t switches to an app'}</Text>
        </Text>
      ) : (
        <Text wrap="truncate-end">
          {`  ${'Target'.padEnd(LABEL)}`}
          <Text bold={cloud}>{cloud ? '● cloud' : '○ cloud'}</Text>
          {'   '}
          <Text bold={!cloud}>{cloud ? '○ local' : '● local'}</Text>
          {/* Keys typed into the App field are text: no hint for c and t then. */}
          <Text dimColor>{state.editingApp ? '' : '    c switches, t deployment'}</Text>
        </Text>
      )}
      {!layout.app ? null : state.editingApp ? (
        <Box>
          <Text bold>{`› ${'App'.padEnd(LABEL)}`}</Text>
          <TextField
            value={state.app.value}
            cursor={state.app.cursor}
            focused
            placeholder="the app file, e.g. app.py (saved to .lsec.json on launch)"
            width={Math.max(8, columns - LABEL - 3)}
          />
        </Box>
      ) : (
        <Text wrap="truncate-end">
          {state.kind === 'deployment'
            ? `  ${'Name'.padEnd(LABEL)}${clip(safeLine(props.app || '(none: set "name" in .lsec.json)'), columns - LABEL - 4)}`
            : `  ${'App'.padEnd(LABEL)}${clip(safeLine(props.app || '(none: a sets it)'), columns - LABEL - 4)}`}
          <Text dimColor>
            {props.app && !state.appFromProfile && state.kind === 'app' ? '  (a changes it)' : ''}
          </Text>
        </Text>
      )}
      {gap}
      <Text wrap="truncate-end">
        <Text bold dimColor>
          {'  CHECKS  '}
        </Text>
        <Text color={props.verdict.startsWith('✗') ? 'red' : 'green'}>{props.verdict}</Text>
        <Text dimColor>{scrollNote}</Text>
      </Text>
      {shown.map((line, i) => (
        // Lines of one check list, rebuilt whole on each change.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Line key={state.offset + i} line={line} />
      ))}
      {gap}
      <Text bold dimColor wrap="truncate-end">
        {'  COMMAND'}
      </Text>
      {preview.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one command, rebuilt whole
        <Text key={i} wrap="truncate-end">
          {safeLine(line)}
        </Text>
      ))}
      {layout.note ? (
        <Text dimColor wrap="truncate-end">
          {`  ${safeLine(props.note)}`}
        </Text>
      ) : null}
    </Frame>
  );
}
