import { Text } from 'ink';
import type { PushResult } from '../../cloud/push.js';
import { summaryText } from '../../cloud/push-vault.js';
import type { KeyHint } from '../../components/key-help.js';
import { Spinner } from '../../components/spinner.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { count, formatNumber } from '../../lib/count.js';
import { safeLine } from '../../lib/safe-text.js';
import { bodyLines, Frame, type Message } from '../shared/frame.js';
import { tildePath } from '../shared/text.js';
import type { PushState } from './reducer.js';

const secrets = (n: number) => count(n, 'secret');

export interface PushViewProps {
  state: PushState;
  /** The name home had selected (may be cloud-only, then not offered). */
  asked?: string;
  project?: string;
  vaultPath: string;
}

export function pushHints(state: PushState): KeyHint[] {
  switch (state.phase) {
    case 'asking':
      if (state.total === 0) return [{ keys: 'any key', what: 'back' }];
      return [
        ...(state.one !== undefined ? [{ keys: 'Enter', what: 'push the selected' }] : []),
        { keys: state.one !== undefined ? 'a' : 'Enter/a', what: 'push all' },
        { keys: 'Esc', what: 'cancel' },
      ];
    case 'done':
    case 'failed':
      return [{ keys: 'any key', what: 'back' }];
    default:
      return [];
  }
}

/** "[3/12] created    name" or "[4/12] failed     name: why". */
export function resultLine(result: PushResult, index: number, total: number): string {
  const why = result.error ? `: ${result.error}` : '';
  return safeLine(`[${index}/${total}] ${result.outcome.padEnd(9)} ${result.name}${why}`);
}

function message(state: PushState): Message | null {
  if (state.phase !== 'done') return null;
  const text = summaryText(state.counts);
  return state.counts.failed === 0
    ? { tone: 'ok', text: `Done: ${text}` }
    : { tone: 'error', text: `${formatNumber(state.counts.failed)} not pushed: ${text}` };
}

function Asking({ state, asked }: { state: PushState; asked?: string }) {
  const cloudOnly = asked !== undefined && state.one === undefined;
  return (
    <>
      {cloudOnly ? (
        <Text wrap="truncate-end">{`${safeLine(asked)} exists only in the cloud: it has no local value to push.`}</Text>
      ) : null}
      {state.total === 0 ? (
        <Text>The vault is empty: nothing to push.</Text>
      ) : (
        <>
          {state.one !== undefined ? (
            <Text wrap="truncate-end">{`  Enter  push 1 secret: ${safeLine(state.one)}`}</Text>
          ) : null}
          <Text wrap="truncate-end">
            {`  ${state.one !== undefined ? 'a    ' : 'Enter'}  push all ${secrets(state.total)}`}
          </Text>
          <Text>{'  Esc    cancel'}</Text>
          <Text> </Text>
          <Text dimColor wrap="truncate-end">
            A value the cloud already has from this vault, unchanged, is not sent again.
          </Text>
          <Text dimColor wrap="truncate-end">
            A cloud secret of the same name that was not pushed from here is overwritten.
          </Text>
        </>
      )}
    </>
  );
}

/** The latest result lines that fit in `room` lines, numbered from the first result. */
function Progress({ state, room }: { state: PushState; room: number }) {
  const shown = state.recent.slice(-Math.max(1, room));
  const first = state.done - shown.length + 1;
  return (
    <>
      {shown.map((r, i) => (
        // A result's number in the run is its identity: results are only appended.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={first + i} wrap="truncate-end" dimColor={r.outcome === 'unchanged'}>
          {`  ${resultLine(r, first + i, state.planned)}`}
        </Text>
      ))}
    </>
  );
}

function busyLabel(state: PushState): string {
  if (state.phase === 'pushing') {
    return `Pushing… ${formatNumber(state.done)} of ${formatNumber(state.planned)} done`;
  }
  const p = state.prepared;
  return p
    ? `Reading values… ${formatNumber(p.done)} of ${formatNumber(p.total)}`
    : 'Listing the cloud…';
}

export function PushView({ state, asked, project, vaultPath }: PushViewProps) {
  const { rows } = useTerminalSize();
  const where = project ? `project ${safeLine(project)}` : 'the Lightning cloud';
  const count = state.names === 'all' ? `all ${secrets(state.total)}` : '1 secret';
  const heading =
    state.phase === 'asking'
      ? `Push to ${where}:`
      : state.phase === 'failed'
        ? state.done === 0
          ? `Nothing was pushed to ${where}`
          : `The push to ${where} stopped`
        : `${state.phase === 'done' ? 'Pushed' : 'Pushing'} ${count} to ${where}`;
  const hint =
    state.phase === 'failed' ? state.error?.hint : state.failures.findLast((f) => f.hint)?.hint;
  const busy = state.phase === 'preparing' || state.phase === 'pushing';
  // Heading, blank line, the spinner or hint line: the rest is for result lines.
  const room = bodyLines(rows) - 3;
  return (
    <Frame
      title="push to the cloud"
      right={project ? `project ${project}` : ''}
      message={message(state)}
      hints={pushHints(state)}
      status={tildePath(vaultPath)}
    >
      <Text bold wrap="truncate-end">
        {heading}
      </Text>
      <Text> </Text>
      {state.phase === 'asking' ? <Asking state={state} asked={asked} /> : null}
      {state.phase !== 'asking' && state.phase !== 'failed' ? (
        <Progress state={state} room={room} />
      ) : null}
      {state.phase === 'failed' && state.error ? (
        <Text color="red">{`✗ ${safeLine(state.error.message)}`}</Text>
      ) : null}
      {busy ? <Spinner label={busyLabel(state)} /> : null}
      {/* Under a list of results the hint keeps to one line, so the budget holds. */}
      {hint ? (
        <Text
          wrap={state.phase === 'failed' ? 'wrap' : 'truncate-end'}
        >{`  ${safeLine(hint)}`}</Text>
      ) : null}
    </Frame>
  );
}
