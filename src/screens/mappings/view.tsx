import { Box, Text } from 'ink';
import { useCallback } from 'react';
import { clip } from '../../components/clip.js';
import { TextField } from '../../components/input/text-field.js';
import type { TextState } from '../../components/input/text-state.js';
import type { KeyHint } from '../../components/key-help.js';
import { FilterLine } from '../../components/list/filter-line.js';
import { marksOf } from '../../components/list/fuzzy.js';
import { Marked } from '../../components/list/marked.js';
import { scrollLabel, WindowedList } from '../../components/list/windowed-list.js';
import { formatNumber } from '../../lib/count.js';
import { safeLine } from '../../lib/safe-text.js';
import { Frame } from '../shared/frame.js';
import type { Issue } from './draft.js';
import { emptyText } from './filter.js';
import { columnWidths, type MappingsLayout } from './layout.js';
import type { PanelLine, ScreenIssues } from './lines.js';
import { isDirty, type MappingsState } from './state.js';

export const NORMAL_HINTS: readonly KeyHint[] = [
  { keys: 'Space', what: 'map' },
  { keys: 'e', what: 'rename' },
  { keys: 'a', what: 'add var' },
  { keys: 's', what: 'save' },
  { keys: 'P', what: 'profile' },
  { keys: '/', what: 'filter' },
  { keys: 'o', what: 'mapped only' },
  { keys: 'Esc', what: 'back' },
  { keys: '?', what: 'help' },
];

function hintsFor(state: MappingsState): readonly KeyHint[] {
  if (state.confirm) {
    return [
      { keys: 'y', what: 'discard' },
      { keys: 'any other key', what: 'keep editing' },
    ];
  }
  if (state.filtering && !state.editor) {
    return [
      { keys: '↑/↓', what: 'move' },
      { keys: 'Enter', what: 'keep' },
      { keys: 'Esc', what: 'clear' },
    ];
  }
  if (!state.editor) return NORMAL_HINTS;
  return [
    { keys: 'Enter', what: 'keep' },
    ...(state.editor.kind === 'plain' ? [{ keys: 'Tab', what: 'name/value' }] : []),
    { keys: 'Esc', what: 'cancel' },
  ];
}

/** "✗ used twice", or the row's own note: the first problem is enough on the row. */
const mark = (issues: readonly Issue[] | undefined, note = '') =>
  issues && issues.length > 0 ? `✗ ${issues[0]!.short}` : note;

export interface MappingsViewProps {
  state: MappingsState;
  layout: MappingsLayout;
  issues: ScreenIssues;
  panel: readonly PanelLine[];
  preview: readonly string[];
  /** "✓ ready to launch" or "✗ 2 problems", after the COMMAND heading. */
  verdict: string;
  columns: number;
  /** The project file as shown in the status bar. */
  file: string;
}

function PanelRow({
  line,
  state,
  columns,
}: {
  line: PanelLine;
  state: MappingsState;
  columns: number;
}) {
  if (line.kind === 'text') {
    return (
      <Text
        wrap="truncate-end"
        color={line.tone === 'error' ? 'red' : undefined}
        dimColor={line.tone === 'dim'}
      >
        {safeLine(line.text)}
      </Text>
    );
  }
  const editor = state.editor!;
  const field: TextState =
    editor.kind === 'plain' ? editor[line.which as 'key' | 'value'] : editor.field;
  // "Name" and "Value" line up; one-field editors use their label as it is.
  const name = editor.kind === 'plain' ? `${line.label}:`.padEnd(7) : `${line.label}: `;
  const label = `${line.focused ? '›' : ' '} ${safeLine(name)}`;
  return (
    <Box>
      <Text bold={line.focused}>{label}</Text>
      <TextField
        value={field.value}
        cursor={field.cursor}
        focused={line.focused}
        width={Math.max(8, columns - label.length - 1)}
      />
    </Box>
  );
}

export function MappingsView({
  state,
  layout,
  issues,
  panel,
  preview,
  verdict,
  columns,
  file,
}: MappingsViewProps) {
  const { draft } = state;
  const longestSecret = draft.rows.reduce((n, r) => Math.max(n, r.secret.length), 6);
  // At least as wide as the "↓ editing" marker of the row being renamed.
  const longestEnv = draft.rows.reduce((n, r) => Math.max(n, r.env.length), 9);
  const widths = columnWidths(longestSecret, longestEnv, columns);
  // The ❯ marks the row being worked on: none while a new variable or profile is typed.
  const { editor } = state;
  const onSecrets =
    state.focus === 'secrets' && !state.confirm && (!editor || editor.kind === 'env');
  const editingRow = editor?.kind === 'env' ? editor.row : -1;
  const { matcher } = state;
  const query = state.filter.value;

  const secretRow = useCallback(
    (index: number, _i: number, selected: boolean) => {
      const row = draft.rows[index]!;
      const here = selected && onSecrets;
      const box = row.order === null ? '[ ]' : '[x]';
      const name = clip(safeLine(row.secret), widths.secret).padEnd(widths.secret);
      const marks = marksOf(matcher, row.secret, query);
      const env = clip(safeLine(index === editingRow ? '↓ editing' : row.env), widths.env).padEnd(
        widths.env,
      );
      const own = row.inVault ? '' : row.cloudOnly ? 'cloud only' : 'not in vault';
      const note = mark(issues.secrets[index], own);
      return (
        <Text
          wrap="truncate-end"
          bold={here}
          color={here ? 'cyan' : undefined}
          dimColor={row.order === null && !here}
        >
          {`${here ? '❯' : ' '} ${box} `}
          <Marked text={name} marks={marks} />
          {`  ${env}  `}
          <Text color={note.startsWith('✗') ? 'red' : undefined}>{note}</Text>
        </Text>
      );
    },
    [draft.rows, onSecrets, widths, editingRow, issues.secrets, matcher, query],
  );

  const keyWidth = Math.min(
    24,
    draft.plain.reduce((n, v) => Math.max(n, v.key.length), 3),
  );
  const onPlain =
    state.focus === 'plain' &&
    !state.confirm &&
    (!editor || (editor.kind === 'plain' && editor.index !== null));
  const plainRow = useCallback(
    (index: number, _i: number, selected: boolean) => {
      const v = draft.plain[index]!;
      const here = selected && onPlain;
      const note = mark(issues.plain[index]);
      const head = `${here ? '❯' : ' '} ${clip(safeLine(v.key), keyWidth).padEnd(keyWidth)} = `;
      const room = Math.max(4, columns - head.length - note.length - 2);
      return (
        <Text wrap="truncate-end" bold={here} color={here ? 'cyan' : undefined}>
          {`${head}${clip(safeLine(v.value), room)}  `}
          <Text color="red">{note}</Text>
        </Text>
      );
    },
    [draft.plain, onPlain, issues.plain, keyWidth, columns],
  );

  const mapped = draft.rows.filter((r) => r.order !== null).length;
  const profiles = Object.keys(state.project.profiles).length;
  // "unsaved" first: on a narrow terminal the end of the title is what gets cut.
  const right = `${isDirty(state) ? 'unsaved · ' : ''}profile ${state.profileName}${profiles > 1 ? ` (${profiles} profiles)` : ''}`;
  const gap = layout.gaps ? <Text> </Text> : null;
  // The variables get few rows: say when some are out of view.
  const plainPosition =
    draft.plain.length > layout.plainRows
      ? ` · ${scrollLabel(state.plain.offset, layout.plainRows, draft.plain.length)}`
      : '';
  return (
    <Frame
      title={state.mappedOnly ? 'mappings · mapped only' : 'mappings'}
      right={right}
      message={state.message}
      hints={hintsFor(state)}
      status={file}
    >
      {layout.filterLine ? (
        <FilterLine field={state.filter} focused={state.filtering} width={columns} />
      ) : null}
      {layout.secretRows > 0 ? (
        <>
          <Text bold dimColor wrap="truncate-end">
            {`  MAP ${'SECRET'.padEnd(widths.secret)}  ${'ENV NAME'.padEnd(widths.env)}`}
          </Text>
          <WindowedList
            items={state.shown}
            renderRow={secretRow}
            height={layout.secretRows}
            cursor={state.secrets.cursor}
            offset={state.secrets.offset}
            indicator={false}
            emptyText={`  ${emptyText(state)}`}
          />
        </>
      ) : null}
      {layout.position ? (
        <Text dimColor wrap="truncate-end">
          {`  ${scrollLabel(state.secrets.offset, layout.secretRows, state.shown.length)} · ${formatNumber(mapped)} mapped${state.shown.length < draft.rows.length ? ` · ${formatNumber(draft.rows.length)} in all` : ''}`}
        </Text>
      ) : null}
      {layout.plainRows > 0 ? (
        <>
          {gap}
          <Text bold dimColor wrap="truncate-end">
            {`  PLAIN VARIABLES (--env, visible in the command)${plainPosition}`}
          </Text>
          <WindowedList
            items={draft.plain.map((_, i) => i)}
            renderRow={plainRow}
            height={layout.plainRows}
            cursor={state.plain.cursor}
            offset={state.plain.offset}
            indicator={false}
            emptyText="  none — a adds one"
          />
        </>
      ) : null}
      {panel.map((line, i) => (
        // The panel is rebuilt whole on each change; its lines never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <PanelRow key={i} line={line} state={state} columns={columns} />
      ))}
      {/* The command keeps its place at the bottom while the lists above change. */}
      <Box flexGrow={1} />
      {gap}
      <Text wrap="truncate-end">
        <Text bold dimColor>
          {'  COMMAND  '}
        </Text>
        <Text color={verdict.startsWith('✗') ? 'red' : 'green'}>{verdict}</Text>
      </Text>
      {preview.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one preview, rebuilt whole
        <Text key={i} wrap="truncate-end">
          {safeLine(line)}
        </Text>
      ))}
    </Frame>
  );
}
