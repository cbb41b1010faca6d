// Home's cloud parts: the CLOUD cell of a row, the title's cloud note and the error
// line. Every state is a word, so the meaning survives NO_COLOR.
import { Text } from 'ink';
import type { SyncState } from '../../cloud/sync-state.js';
import { safeLine } from '../../lib/safe-text.js';
import type { CloudView } from '../shared/use-cloud-state.js';
import { CLOUD_WIDTH } from './layout.js';

const CELL: Record<SyncState | 'pending', { text: string; color?: string; dim?: boolean }> = {
  'in-sync': { text: 'in sync', color: 'green' },
  changed: { text: 'changed', color: 'yellow' },
  'not-pushed': { text: 'not pushed', color: 'yellow' },
  'cloud-only': { text: 'cloud only', color: 'cyan' },
  // In the cloud, but this vault never pushed it: what the cloud holds is unknown.
  untracked: { text: 'untracked', dim: true },
  pending: { text: '…', dim: true },
};

/** What the help screen says about the column. */
export const CLOUD_HELP = [
  { keys: 'CLOUD column', what: 'how each secret stands in the Lightning cloud:' },
  { keys: 'in sync', what: 'the cloud holds the value last pushed from here' },
  { keys: 'changed', what: 'edited since the last push (p pushes it)' },
  { keys: 'not pushed', what: 'not in the cloud yet' },
  { keys: 'untracked', what: 'in the cloud, not pushed from this vault' },
  { keys: 'cloud only', what: 'made in the web UI: no local value' },
] as const;

/** With credentials the column is there, unless the cloud failed before any list came. */
export function showsCloudColumn(cloud: CloudView | undefined): boolean {
  return cloud !== undefined && !(cloud.status === 'error' && cloud.scan === null);
}

/** The cell for `name`, padded to the column's width. */
export function CloudCell({ cloud, name }: { cloud: CloudView; name: string }) {
  const state = cloud.scan?.stateOf(name) ?? 'pending';
  const cell = CELL[state];
  return (
    <Text color={cell.color} dimColor={cell.dim}>
      {cell.text.padEnd(CLOUD_WIDTH)}
    </Text>
  );
}

/** The title line's cloud note: the project, or what is going on. */
export function cloudTitle(cloud: CloudView | undefined): string {
  if (!cloud) return '';
  if (cloud.status === 'checking') return 'checking cloud…';
  const project = cloud.project ? `cloud: ${safeLine(cloud.project)}` : 'cloud';
  return cloud.status === 'error' ? `${project} (unavailable)` : project;
}

/** Lines CloudProblemLines takes: the message, and the hint when there is one. */
export function cloudProblemHeight(cloud: CloudView | undefined): number {
  if (cloud?.status !== 'error') return 0;
  return cloud.problem?.hint ? 2 : 1;
}

/** Under the list when the cloud failed; the list and its keys work on. */
export function CloudProblemLines({ cloud }: { cloud: CloudView }) {
  const { message = 'The cloud is unavailable', hint } = cloud.problem ?? {};
  return (
    <>
      <Text color="red" wrap="truncate-end">
        {`✗ ${safeLine(message)}`}
      </Text>
      {hint ? <Text wrap="truncate-end">{`  ${safeLine(hint)}`}</Text> : null}
    </>
  );
}
