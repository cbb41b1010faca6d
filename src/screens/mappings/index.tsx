import { join } from 'node:path';
import { memo, useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Matcher } from '../../components/list/fuzzy.js';
import { useMatcher } from '../../components/list/use-matcher.js';
import { useEachRequest } from '../../components/use-each-request.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { launcherName } from '../../launch/launcher.js';
import { planLaunch } from '../../launch/plan.js';
import { count } from '../../lib/count.js';
import { describeError } from '../../lib/errors.js';
import { readProject } from '../../store/project.js';
import { emptyProject, PROJECT_FILE, type ProjectData } from '../../store/project-schema.js';
import { writeProfile } from '../../store/project-write.js';
import { commandWords } from '../shared/command.js';
import { CommandView, commandViewRows } from '../shared/command-view.js';
import { sentence, tildePath } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { toProfile } from './draft.js';
import { MAPPINGS_HELP } from './help.js';
import { listTops, mappingsLayout } from './layout.js';
import { cutPreview, fitPanel, panelLines, previewLines, screenIssues } from './lines.js';
import { mappingsReducer } from './reducer.js';
import { initialMappingsState, isDirty } from './state.js';
import { MappingsView } from './view.js';

/** The project as on disk, or an empty one and why the file could not be read. */
function readProjectOrEmpty(dir: string): { project: ProjectData; error?: string } {
  try {
    return { project: readProject(dir).data };
  } catch (error) {
    // Saving re-reads the file and refuses too, so a hand edit is never overwritten.
    return { project: emptyProject(), error: sentence(describeError(error).message) };
  }
}

/** Which secret becomes which env variable, plain variables, and the command they make. */
export const MappingsScreen = memo(function MappingsScreen({
  nav,
  session,
  active,
}: ScreenProps<'mappings'>) {
  const { vault, projectDir, env, cloud } = session;
  const { columns, rows } = useTerminalSize();
  const [opened] = useState(() => readProjectOrEmpty(projectDir));
  const [state, dispatch] = useReducer(mappingsReducer, undefined, () => {
    const names = vault?.list().map((s) => s.name) ?? [];
    const initial = initialMappingsState(opened.project, session.profileName, names);
    return opened.error
      ? { ...initial, message: { tone: 'error' as const, text: opened.error } }
      : initial;
  });
  useScreenKeys(dispatch, active);
  // The fuzzy matcher loads after the first frame; the filter matches substrings till then.
  useMatcher(
    state.matcher,
    useCallback((matcher: Matcher) => dispatch({ type: 'matcher', matcher }), []),
    state.names,
  );

  // Edits an auto-lock interrupted come back, still unsaved (they hold no values).
  const { drafts } = session;
  useEffect(() => {
    const kept = drafts.mappings;
    if (kept && kept.projectDir === projectDir) dispatch({ type: 'restore', ...kept });
  }, [drafts, projectDir]);

  // Secrets made in the web UI can be mapped too (a cloud launch finds them there).
  const cloudOnly = cloud?.scan?.cloudOnly;
  const cloudOnlyNames = useMemo(() => cloudOnly?.map((s) => s.name), [cloudOnly]);
  useEffect(() => {
    if (cloudOnlyNames) dispatch({ type: 'cloud', names: cloudOnlyNames });
  }, [cloudOnlyNames]);

  // The plan is what `lsec launch` would run for this draft, so the preview is exact.
  const profile = useMemo(() => toProfile(state.draft), [state.draft]);
  // A deployment runs lightning-sdk's `lightning`, never lightning_app.
  const bin = useMemo(() => launcherName(env, profile.target), [env, profile.target]);
  const vaultNames = useMemo(() => new Set(state.vaultNames), [state.vaultNames]);
  const remote = cloud?.status === 'ready' ? cloud.remote : undefined;
  const cloudNames = useMemo(() => remote && new Set(remote.map((s) => s.name)), [remote]);
  const plan = useMemo(
    () => planLaunch({ dir: projectDir, profile, bin, vaultNames, cloudNames }),
    [projectDir, profile, bin, vaultNames, cloudNames],
  );
  // The draft's, not the state's: a cursor move or a filter key leaves them as they are.
  const issues = useMemo(() => screenIssues(state.draft, plan), [state.draft, plan]);
  const allPanel = panelLines(state, issues, columns);
  // A profile may map thousands of secrets: the command is composed and wrapped again
  // only when it changes, not on every cursor move or filter key.
  const words = useMemo(() => commandWords(plan, profile, bin), [plan, profile, bin]);
  const allPreview = useMemo(
    () => previewLines(words, issues.general, columns),
    [words, issues.general, columns],
  );
  const layout = mappingsLayout(
    rows,
    { plain: state.draft.plain.length, secrets: state.shown.length },
    allPanel.length,
    allPreview.length,
    state.editor !== null,
    state.filtering || state.filter.value !== '',
  );
  const panel = fitPanel(allPanel, layout.panel);
  // Adjusted during render, so no frame shows lists taller than the room they have.
  const commandRoom = commandViewRows(rows);
  const tops = listTops(layout, state.shown.length);
  if (
    Math.max(1, layout.secretRows) !== state.secrets.height ||
    Math.max(1, layout.plainRows) !== state.plain.height ||
    allPreview.length !== state.command.lines ||
    commandRoom !== state.command.room ||
    tops.secrets !== state.tops.secrets ||
    tops.plain !== state.tops.plain
  ) {
    dispatch({
      type: 'fit',
      secretRows: layout.secretRows,
      plainRows: layout.plainRows,
      tops,
      command: { lines: allPreview.length, room: commandRoom },
    });
  }
  const { total } = issues;
  // The profile's own target: `cloud: false` profiles launch on this machine.
  const where = plan.cloud ? '' : ' (local run)';
  const verdict =
    total === 0
      ? `✓ ready to launch${where}`
      : `✗ ${count(total, 'problem')} to fix before launching${where}`;

  // Kept for the root while unsaved, so an auto-lock does not lose them. Declared
  // before the requests, so leaving (which clears it) runs last in a commit.
  const dirty = isDirty(state);
  const { draft, saved } = state;
  useEffect(() => {
    drafts.mappings = dirty
      ? { projectDir, profileName: state.profileName, draft, saved }
      : undefined;
  }, [drafts, dirty, projectDir, state.profileName, draft, saved]);

  useEachRequest(state.request, (request) => {
    switch (request.type) {
      case 'leave':
        // Leaving on purpose (saved, or the changes discarded): nothing to keep.
        drafts.mappings = undefined;
        nav.pop();
        break;
      case 'help':
        nav.push({ screen: 'help', title: 'mappings', keys: MAPPINGS_HELP });
        break;
      case 'launch':
        nav.push({ screen: 'launch' });
        break;
      case 'save':
        try {
          const saved = writeProfile(projectDir, request.profileName, request.profile);
          dispatch({ type: 'saved', project: saved.data, profileName: request.profileName });
        } catch (error) {
          dispatch({ type: 'failed', message: sentence(describeError(error).message) });
        }
        break;
    }
  });

  // The profile shown becomes the session's once it exists in the file, so the
  // launch screen and home's L use what the user last looked at or saved.
  const { profileName, project } = state;
  useEffect(() => {
    if (Object.hasOwn(project.profiles, profileName)) nav.selectProfile(profileName);
  }, [profileName, project, nav]);

  if (state.review) {
    return (
      <CommandView
        title="mappings · command"
        right={`profile ${state.profileName}`}
        lines={allPreview}
        offset={state.review.offset}
        rows={rows}
        message={{ tone: total === 0 ? 'ok' : 'error', text: verdict.slice(2) }}
        hints={[{ keys: 'Esc', what: 'back' }]}
        status={tildePath(join(projectDir, PROJECT_FILE))}
      />
    );
  }
  return (
    <MappingsView
      state={state}
      layout={layout}
      issues={issues}
      panel={panel}
      preview={cutPreview(allPreview, layout.previewRows)}
      verdict={verdict}
      columns={columns}
      file={tildePath(join(projectDir, PROJECT_FILE))}
    />
  );
});
