import { memo, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useEachRequest } from '../../components/use-each-request.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { launcherName } from '../../launch/launcher.js';
import { planLaunch } from '../../launch/plan.js';
import { count } from '../../lib/count.js';
import { describeError } from '../../lib/errors.js';
import { commandText } from '../shared/command.js';
import { sentence, tildePath } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import { capLines, wrapWords } from '../shared/wrap.js';
import type { ScreenProps } from '../types.js';
import { launchChecks, problemCount, readyToLaunch } from './checks.js';
import { LAUNCH_HELP } from './help.js';
import { checkLines, launchLayout } from './layout.js';
import { findLauncher, loadProfile, vaultNamesOf } from './load.js';
import { initialLaunchState, launchReducer } from './reducer.js';
import { startLaunch } from './start.js';
import { useLaunchCloud } from './use-cloud.js';
import { LaunchView } from './view.js';

function verdict(ready: boolean, problems: number): string {
  if (ready) return '✓ every check passed';
  if (problems === 0) return '… checking';
  return `✗ ${count(problems, 'problem')}`;
}

/** Target, app, every pre-flight check and the command; Enter hands the terminal to it. */
export const LaunchScreen = memo(function LaunchScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'launch'>) {
  const { vault, projectDir, env, profileName } = session;
  const { columns, rows } = useTerminalSize();
  const [loaded, setLoaded] = useState(() => loadProfile(projectDir, profileName));
  const [vaultNames, setVaultNames] = useState(() => vaultNamesOf(vault));
  const [launcher, setLauncher] = useState(() => findLauncher(env, projectDir));
  const [state, dispatch] = useReducer(launchReducer, undefined, () =>
    initialLaunchState(loaded.profile, route.now),
  );
  useScreenKeys(dispatch, active);

  // Back from the mappings screen (or another profile chosen there): read everything again.
  const shownOnce = useRef(false);
  const loadedName = useRef(profileName);
  useEffect(() => {
    if (!active) return;
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    const next = loadProfile(projectDir, profileName);
    setLoaded(next);
    dispatch({ type: 'reload', profile: next.profile, other: profileName !== loadedName.current });
    loadedName.current = profileName;
    setVaultNames(vaultNamesOf(vault));
    setLauncher(findLauncher(env, projectDir));
  }, [active, projectDir, profileName, vault, env]);

  const cloudTarget = state.target === 'cloud';
  const app = state.appFromProfile ? loaded.profile.app : state.app.value.trim() || undefined;
  // For this run only: the target chosen here, and the app typed here.
  const profile = useMemo(
    () => ({ ...loaded.profile, app, cloud: cloudTarget }),
    [loaded.profile, app, cloudTarget],
  );
  const mapped = Object.keys(profile.secrets).length;
  const cloud = useLaunchCloud({
    needed: cloudTarget && mapped > 0,
    verify: state.verify,
    retry: state.retry,
    shared: session.cloud,
    env,
  });
  const bin = useMemo(() => launcherName(env), [env]);
  const cloudNames = cloud.state === 'listed' ? cloud.names : undefined;
  const plan = useMemo(
    () =>
      planLaunch({
        dir: projectDir,
        profile,
        bin,
        local: !cloudTarget,
        vaultNames,
        cloudNames,
        // v is --no-verify: the user vouches that the cloud has every mapped secret.
        noVerify: cloudTarget && !state.verify,
      }),
    [projectDir, profile, bin, cloudTarget, vaultNames, cloudNames, state.verify],
  );
  const checks = launchChecks({ plan, profile, launcher, cloud, projectError: loaded.error });
  const ready = readyToLaunch(checks, plan);
  const problems = problemCount(checks);

  const lines = checkLines(checks, columns);
  const command = commandText(plan, profile, bin);
  const allPreview = wrapWords(command, Math.max(10, columns - 4)).map((l) => `  ${l}`);
  const layout = launchLayout(rows, lines.length, allPreview.length);
  if (lines.length !== state.lines || layout.checkRows !== state.room) {
    dispatch({ type: 'fit', lines: lines.length, room: layout.checkRows });
  }

  useEachRequest(state.request, (request) => {
    if (request.kind === 'leave') nav.pop();
    if (request.kind === 'mappings') nav.push({ screen: 'mappings' });
    if (request.kind === 'help') nav.push({ screen: 'help', title: 'launch', keys: LAUNCH_HELP });
  });

  // Armed by Enter (or L on home): launch once nothing is still being checked.
  const launched = useRef(false);
  useEffect(() => {
    if (!state.armed || !active || launched.current) return;
    if (cloud.state === 'checking') return;
    if (!ready || !plan.argv) {
      const n = problemCount(checks);
      dispatch({
        type: 'blocked',
        message: `${count(n, 'problem')} to fix first: nothing was launched (m opens the mappings)`,
      });
      return;
    }
    if (!launcher.ok) return;
    try {
      const saved =
        !state.appFromProfile && !loaded.error
          ? { name: profileName, profile: loaded.profile }
          : null;
      const launch = startLaunch({
        plan,
        profile,
        saved,
        launcherPath: launcher.path,
        dir: projectDir,
        env,
        vault,
      });
      launched.current = true;
      nav.exit({ launch });
    } catch (error) {
      dispatch({ type: 'blocked', message: sentence(describeError(error).message) });
    }
  }, [
    state.armed,
    state.appFromProfile,
    active,
    cloud.state,
    ready,
    plan,
    checks,
    loaded,
    profile,
    projectDir,
    profileName,
    vault,
    env,
    nav,
    launcher,
  ]);

  const note = cloudTarget
    ? 'Cloud run: only secret names reach the command; the cloud holds the values.'
    : mapped > 0
      ? `Local run: the values of ${count(mapped, 'mapped secret')} go into the app's env, not the command.`
      : 'Local run on this machine: no --cloud, no --secret.';
  return (
    <LaunchView
      state={state}
      layout={layout}
      profileName={profileName}
      app={app ?? ''}
      folder={tildePath(projectDir)}
      lines={lines}
      verdict={verdict(ready, problems)}
      preview={capLines(
        allPreview,
        layout.previewRows,
        (n) => `  … ${n} more lines (a larger terminal shows them)`,
      )}
      note={note}
      fallback={ready ? { tone: 'ok', text: 'Ready: Enter launches' } : null}
      columns={columns}
    />
  );
});
