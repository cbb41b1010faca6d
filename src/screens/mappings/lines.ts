// What the mappings screen says besides its rows, as plain strings whose line count
// is known before layout: the problems of each row, the panel under the lists and
// the command preview. Pure; views sanitize.
import type { LaunchPlan } from '../../launch/plan.js';
import type { Problem } from '../../launch/preflight.js';
import { count } from '../../lib/count.js';
import { APP_UNSET_FIX, commandLines } from '../shared/command.js';
import { capLines, wrapWords } from '../shared/wrap.js';
import { type Draft, type DraftIssues, draftIssues, type Issue } from './draft.js';
import { editorProblems } from './editor.js';
import { emptyText, selectedRow } from './filter.js';
import { type MappingsState, profileNames } from './state.js';

/** Problems the rows cannot show: they are about the app, not a variable. */
const GENERAL = new Set(['app-unset', 'app-missing', 'app-dash', 'name-dash']);
/** Problems a secret row shows next to the draft's own (names, duplicates). */
const ROW = new Set(['secret-not-in-vault', 'secret-not-in-cloud']);

const SHORT: Record<string, string> = {
  'secret-not-in-vault': 'not in vault',
  'secret-not-in-cloud': 'not in cloud',
};

export interface ScreenIssues extends DraftIssues {
  general: Problem[];
  /**
   * What `lsec launch` would report for the draft (so this screen and the launch
   * screen give one count), plus each env name two ticked secrets share, which the
   * profile cannot even hold.
   */
  total: number;
}

/**
 * The draft's problems plus the launch plan's, each where it is shown. Linear in
 * the rows (a profile may map thousands): the plan's row problems are grouped by
 * secret once, and env names counted in one pass.
 */
export function screenIssues(draft: Draft, plan: LaunchPlan): ScreenIssues {
  const own = draftIssues(draft);
  const bySecret = new Map<string, Issue[]>();
  for (const p of plan.problems) {
    if (!ROW.has(p.code)) continue;
    const issue: Issue = { short: SHORT[p.code]!, message: p.message, fix: p.fix };
    bySecret.set(p.subject, [...(bySecret.get(p.subject) ?? []), issue]);
  }
  const secrets = draft.rows.map((row, i) => {
    const extra = row.order === null ? undefined : bySecret.get(row.secret);
    return extra ? [...own.secrets[i]!, ...extra] : own.secrets[i]!;
  });
  const general = plan.problems.filter((p) => GENERAL.has(p.code));
  const uses = new Map<string, number>();
  for (const r of draft.rows) if (r.order !== null) uses.set(r.env, (uses.get(r.env) ?? 0) + 1);
  const shared = [...uses.values()].filter((n) => n > 1).length;
  const total = plan.problems.length + shared;
  return { ...own, secrets, general, total };
}

/** The preview: the command wrapped to the width, then one line per app problem. */
export function previewLines(
  command: readonly string[],
  general: readonly Problem[],
  columns: number,
) {
  const width = Math.max(10, columns - 2);
  const lines = commandLines(command, width - 2).map((l) => `  ${l}`);
  for (const p of general) {
    const fix = p.code === 'app-unset' ? APP_UNSET_FIX : p.fix;
    lines.push(...wrapWords(`✗ ${p.message} — fix: ${fix}`, width - 2, '  ').map((l) => `  ${l}`));
  }
  return lines;
}

export function cutPreview(lines: readonly string[], rows: number): string[] {
  return capLines(lines, rows, (n) => `  … ${count(n, 'more line')}: f shows them all`);
}

export type PanelLine =
  | { kind: 'field'; label: string; which: 'field' | 'key' | 'value'; focused: boolean }
  | { kind: 'text'; text: string; tone: 'error' | 'dim' };

function issueLines(issues: readonly Issue[], width: number): PanelLine[] {
  return issues.flatMap((i) =>
    wrapWords(`✗ ${i.message} — fix: ${i.fix}`, width - 2, '  ').map(
      (text): PanelLine => ({ kind: 'text', text: `  ${text}`, tone: 'error' }),
    ),
  );
}

/** The first `n` lines, the last of them ending in "…" when some were left out. */
function firstLines(lines: readonly string[], n: number, width: number): string[] {
  if (lines.length <= n) return [...lines];
  const kept = lines.slice(0, n);
  kept[n - 1] = `${kept[n - 1]!.slice(0, Math.max(0, width - 2))} …`;
  return kept;
}

/** A field's problem under it, at most two lines so the panel's height stays known. */
const errorLines = (text: string | undefined, width: number): PanelLine[] =>
  text
    ? firstLines(wrapWords(`✗ ${text}`, width - 2, '  '), 2, width - 2).map(
        (t): PanelLine => ({ kind: 'text', text: `  ${t}`, tone: 'error' }),
      )
    : [];

const dim = (text: string, width: number): PanelLine[] =>
  wrapWords(text, width - 2).map((t): PanelLine => ({ kind: 'text', text: `  ${t}`, tone: 'dim' }));

/**
 * The panel's first `rows` lines; when some are left out, the last text line shown
 * says how many, so the panel is never cut silently.
 */
export function fitPanel(lines: readonly PanelLine[], rows: number): PanelLine[] {
  if (lines.length <= rows) return [...lines];
  const kept = lines.slice(0, Math.max(0, rows));
  const last = kept.findLastIndex((l) => l.kind === 'text');
  if (last >= 0) {
    const more = lines.length - last;
    kept[last] = { kind: 'text', text: `  … ${count(more, 'more line')}`, tone: 'dim' };
  }
  return kept;
}

/** The panel under the lists: the open editor, else what the selected row means. */
export function panelLines(
  state: MappingsState,
  issues: ScreenIssues,
  columns: number,
): PanelLine[] {
  const width = Math.max(10, columns - 2);
  const { editor, draft } = state;
  if (editor) {
    const problems = editorProblems(editor, draft, profileNames(state));
    if (editor.kind === 'env') {
      const secret = draft.rows[editor.row]?.secret ?? '';
      return [
        { kind: 'field', label: `Env name for ${secret}`, which: 'field', focused: true },
        ...errorLines(problems.key, width),
      ];
    }
    if (editor.kind === 'profile') {
      return [
        { kind: 'field', label: 'New profile name', which: 'field', focused: true },
        ...errorLines(problems.key, width),
      ];
    }
    return [
      { kind: 'field', label: 'Name', which: 'key', focused: editor.focus === 'key' },
      ...errorLines(problems.key, width),
      { kind: 'field', label: 'Value', which: 'value', focused: editor.focus === 'value' },
      ...errorLines(problems.value, width),
    ];
  }
  if (state.focus === 'plain') {
    const v = draft.plain[state.plain.cursor];
    if (!v) return [];
    const own = issues.plain[state.plain.cursor] ?? [];
    if (own.length > 0) return issueLines(own, width);
    return dim(
      `${v.key} reaches the app as --env ${v.key}=… (the value shows in the command)`,
      width,
    );
  }
  const index = selectedRow(state);
  const row = index === undefined ? undefined : draft.rows[index];
  if (index === undefined || !row) return dim(emptyText(state), width);
  const own = issues.secrets[index] ?? [];
  if (own.length > 0) return issueLines(own, width);
  return dim(
    row.order === null
      ? `Space maps ${row.secret} as ${row.env}; e picks another name.`
      : `${row.env} gets the value of ${row.secret} (only its name reaches the command).`,
    width,
  );
}
