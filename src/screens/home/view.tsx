import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import { clip } from '../../components/clip.js';
import { MASK } from '../../components/input/text-field.js';
import { FilterLine } from '../../components/list/filter-line.js';
import { marksOf } from '../../components/list/fuzzy.js';
import { Marked } from '../../components/list/marked.js';
import { scrollLabel, WindowedList } from '../../components/list/windowed-list.js';
import { count, formatNumber } from '../../lib/count.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import { shortTime, tildePath } from '../shared/text.js';
import type { CloudView } from '../shared/use-cloud-state.js';
import { REVEAL_SECONDS, statusHints } from './bindings.js';
import { CloudCell, CloudProblemLines, cloudTitle, showsCloudColumn } from './cloud.js';
import {
  CLOUD_WIDTH,
  DATE_WIDTH,
  type HomeLayout,
  mappedWidth,
  nameWidth,
  positionLine,
  valueOffset,
} from './layout.js';
import type { MappedNames } from './mapped.js';
import type { HomeState } from './reducer.js';

const HINTS = statusHints();

export function countLabel(n: number): string {
  return count(n, 'secret');
}

export interface HomeViewProps {
  state: HomeState;
  layout: HomeLayout;
  columns: number;
  rows: number;
  vaultPath: string;
  /** The launch profile that m, l and L work on. */
  profile: string;
  /** Absent without credentials: no cloud column. */
  cloud?: CloudView;
  /** Seconds until a revealed value is hidden again. */
  secondsLeft?: number;
  /** The env name(s) of each secret in the profile: the MAPPED column. */
  mapped?: MappedNames;
  /** The revealed value's lines as laid out (layout.ts revealLines). */
  reveal?: { lines: string[]; more: number } | null;
}

/** The VALUE of a cloud-only row: there is no local value to mask. */
const NO_VALUE = '—';
/** The VALUE of the revealed row: the value is in the panel under the list. */
const SHOWN_BELOW = 'shown below';

function RevealPanel({
  state,
  reveal,
  secondsLeft,
}: Pick<HomeViewProps, 'state' | 'secondsLeft'> & { reveal: { lines: string[]; more: number } }) {
  const revealed = state.revealed!;
  const { lines, more } = reveal;
  return (
    <Box flexDirection="column">
      <Text bold color="yellow" wrap="truncate-end">
        {`Value of ${safeLine(revealed.name)} · hidden again in ${secondsLeft} s or when the cursor moves`}
      </Text>
      {lines.map((line, i) => (
        // Lines of one value never reorder while shown, so the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} wrap="truncate-end">{`  ${line}`}</Text>
      ))}
      {more > 0 ? (
        <Text dimColor wrap="truncate-end">
          {`  … ${count(more, 'more line')} (lsec get ${safeLine(revealed.name)} prints all)`}
        </Text>
      ) : null}
    </Box>
  );
}

export function HomeView({
  state,
  layout,
  columns,
  vaultPath,
  profile,
  cloud,
  secondsLeft = REVEAL_SECONDS,
  reveal,
  mapped,
}: HomeViewProps) {
  const column = showsCloudColumn(cloud) ? cloud : undefined;
  const longestMapped = useMemo(
    () => (mapped ? Math.max(0, ...[...mapped.values()].map((v) => v.length)) : 0),
    [mapped],
  );
  const mappedCol = mappedWidth(longestMapped, columns, column !== undefined);
  const width = nameWidth(state.longest, columns, column !== undefined, mappedCol);
  const { all, revealed, matcher } = state;
  const query = state.filter.value;
  // The vault's own secrets: cloud-only rows are listed but not counted.
  const local = useMemo(() => all.reduce((n, s) => n + (s.cloudOnly ? 0 : 1), 0), [all]);
  const revealedName = revealed?.name;
  const before = valueOffset(width, mappedCol, column !== undefined);
  const renderRow = useCallback(
    (index: number, _i: number, selected: boolean) => {
      const secret = all[index]!;
      const name = clip(safeLine(secret.name), width).padEnd(width);
      const value = secret.cloudOnly ? NO_VALUE : secret.name === revealedName ? SHOWN_BELOW : MASK;
      const bold = selected;
      const color = selected ? 'cyan' : undefined;
      const head = (
        <>
          {selected ? '❯ ' : '  '}
          <Marked text={name} marks={marksOf(matcher, secret.name, query)} />
          {`  ${shortTime(secret.updatedAt).padEnd(DATE_WIDTH)}  `}
          {mappedCol > 0
            ? `${clip(safeLine(mapped?.get(secret.name) ?? ''), mappedCol).padEnd(mappedCol)}  `
            : ''}
          {column ? <CloudCell cloud={column} name={secret.name} /> : null}
          {column ? '  ' : ''}
        </>
      );
      // Too narrow for every column: one text, cut at its end with a visible …
      if (before + value.length > columns) {
        return (
          <Text wrap="truncate-end" bold={bold} color={color}>
            {head}
            {value}
          </Text>
        );
      }
      // The value (a mask of bullets) is its own text: Ink measures a line holding any
      // non-ASCII character grapheme by grapheme, an all-ASCII one at once, and that
      // is most of a frame's cost on a full screen of rows.
      return (
        <>
          <Text bold={bold} color={color}>
            {head}
          </Text>
          <Text bold={bold} color={color}>
            {value}
          </Text>
        </>
      );
    },
    [all, width, revealedName, column, mapped, mappedCol, query, matcher, before, columns],
  );
  const filtered = state.filter.value !== '';
  const empty =
    all.length === 0
      ? 'No secrets yet — press a to add one'
      : `No names match “${safeLine(state.filter.value)}” — Esc clears the filter`;
  const position = filtered
    ? `${scrollLabel(state.list.offset, state.list.height, state.shown.length)} · filtered from ${formatNumber(all.length)}`
    : scrollLabel(state.list.offset, state.list.height, state.shown.length);
  return (
    <Frame
      title="secrets"
      right={[
        filtered ? `${formatNumber(state.shown.length)} of ${formatNumber(all.length)} shown` : '',
        `profile ${safeLine(profile)}`,
        cloudTitle(cloud),
      ]
        .filter(Boolean)
        .join(' · ')}
      message={state.message}
      hints={HINTS}
    >
      <Text bold dimColor wrap="truncate-end">
        {`  ${'NAME'.padEnd(width)}  ${(state.sort === 'updated' ? 'UPDATED ↓' : 'UPDATED').padEnd(DATE_WIDTH)}  ${mappedCol > 0 ? `${'MAPPED'.padEnd(mappedCol)}  ` : ''}${column ? `${'CLOUD'.padEnd(CLOUD_WIDTH)}  ` : ''}VALUE`}
      </Text>
      <WindowedList
        items={state.shown}
        renderRow={renderRow}
        height={layout.listRows}
        cursor={state.list.cursor}
        offset={state.list.offset}
        indicator={false}
        emptyText={`  ${empty}`}
      />
      <Box flexGrow={1} />
      {layout.cloudLines > 0 && cloud ? <CloudProblemLines cloud={cloud} /> : null}
      {/* The key hints need the whole status bar, so the count and path sit here. */}
      <Text dimColor wrap="truncate-end">
        {positionLine(
          all.length === 0 ? '' : position,
          countLabel(local),
          safeLine(tildePath(vaultPath)),
          columns,
        )}
      </Text>
      {layout.filterLine ? (
        <FilterLine field={state.filter} focused={state.filtering} width={columns} />
      ) : null}
      {layout.panel > 0 && reveal ? (
        <RevealPanel state={state} reveal={reveal} secondsLeft={secondsLeft} />
      ) : null}
    </Frame>
  );
}
