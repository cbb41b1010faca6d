import { join } from 'node:path';
import { type Dispatch, memo, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useEachRequest } from '../../components/use-each-request.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { launcherName } from '../../launch/launcher.js';
import { planLaunch } from '../../launch/plan.js';
import { cloudChooser } from '../../launch/prepare.js';
import { count } from '../../lib/count.js';
import { isFile } from '../../lib/fs.js';
import type { Profile } from '../../store/project-schema.js';
import { commandLines, commandWords } from '../shared/command.js';
import { CommandView, commandViewRows } from '../shared/command-view.js';
import type { Message } from '../shared/frame.js';
import { tildePath } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { launchChecks, problemCount, readyToLaunch } from './checks.js';
import { LAUNCH_HELP } from './help.js';
import { checkLines, launchLayout } from './layout.js';
import { findLauncher } from './load.js';
import { foundApp, initialLaunchState, type LaunchAction, launchReducer } from './reducer.js';
import { useArmedLaunch } from './use-armed-launch.js';
import { useLaunchCloud } from './use-cloud.js';
import { useDeploymentCommand } from './use-deployment.js';
import { useLaunchSources } from './use-sources.js';
import { LaunchView } from './view.js';

/** The app file lsec proposes when a profile names none: app.py beside .lsec.json. */
function proposedApp(dir: string): string | undefined {
  return isFile(join(dir, 'app.py')) ? 'app.py' : undefined;
}

function verdict(ready: boolean, problems: number): string {
  if (ready) return '✓ every check passed';
  if (problems === 0) return '… checking';
  return `✗ ${count(problems, 'problem')}`;
}

function valuesNote(deployment: boolean, cloud: boolean, mapped: number): string {
  if (deployment) {
    return 'Deployment: secrets go by name (--secret ENV=NAME); the cloud holds the values.';
  }
  if (cloud) return 'Cloud run: only secret names reach the command; the cloud holds the values.';
  return mapped > 0
    ? `Local run: the values of ${count(mapped, 'mapped secret')} go into the app's env, not the command.`
    : 'Local run on this machine: no --cloud, no --secret.';
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
  // The reducer is made after the sources (its first state needs the profile), so a
  // reload reaches it through this ref.
  const dispatchRef = useRef<Dispatch<LaunchAction>>(() => {});
  const onReload = useCallback(
    (profile: Profile, other: boolean) => dispatchRef.current({ type: 'reload', profile, other }),
    [],
  );
  const { loaded, vaultNames, generation } = useLaunchSources({
    active,
    projectDir,
    profileName,
    vault,
    onReload,
  });
  const [state, dispatch] = useReducer(launchReducer, undefined, () =>
    initialLaunchState(loaded.profile, route.now, proposedApp(projectDir)),
  );
  dispatchRef.current = dispatch;
  useScreenKeys(dispatch, active);

  const deployment = state.kind === 'deployment';
  const cloudTarget = deployment || state.target === 'cloud';
  const app = state.appFromProfile ? loaded.profile.app : state.app.value.trim() || undefined;
  // For this run only: the target and kind chosen here, and the app typed here.
  const profile = useMemo(
    () => ({ ...loaded.profile, app, cloud: cloudTarget, target: state.kind }),
    [loaded.profile, app, cloudTarget, state.kind],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation re-reads the disk
  const launcher = useMemo(
    () => findLauncher(env, projectDir, state.kind),
    [env, projectDir, state.kind, generation],
  );
  const mapped = Object.keys(profile.secrets).length;
  // One choice of where the cloud is asked, for the secrets check and the deployment
  // check alike (as `lsec launch`); a new one on r, or when the wish changes. The args
  // by their words: a new array with the same words must not ask again.
  const { project: wanted, args } = loaded.profile;
  const argsKey = JSON.stringify(args ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retry (r) asks again; args by argsKey
  const choose = useMemo(
    () => cloudChooser(env, { project: wanted, deployment, args: JSON.parse(argsKey) as string[] }),
    [env, wanted, deployment, argsKey, state.retry],
  );
  const cloud = useLaunchCloud({
    needed: cloudTarget && mapped > 0,
    verify: state.verify,
    retry: state.retry,
    shared: session.cloud,
    env,
    project: wanted,
    deployment,
    choose,
  });
  const bin = useMemo(() => launcherName(env, state.kind), [env, state.kind]);
  const cloudNames = cloud.state === 'listed' ? cloud.names : undefined;
  const deploymentCommand = useDeploymentCommand({
    name: deployment ? profile.name : undefined,
    choose,
  });
  const cli = launcher.ok ? launcher.cli : undefined;
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
        cli,
        deployment: deploymentCommand,
      }),
    [
      projectDir,
      profile,
      bin,
      cloudTarget,
      vaultNames,
      cloudNames,
      state.verify,
      cli,
      deploymentCommand,
    ],
  );
  const checks = launchChecks({
    plan,
    profile,
    launcher,
    cloud,
    projectError: loaded.error,
    typing: state.editingApp,
  });
  const ready = readyToLaunch(checks, plan);
  const problems = problemCount(checks);

  const lines = checkLines(checks, columns);
  const allPreview = commandLines(commandWords(plan, profile, bin), columns - 4).map(
    (l) => `  ${l}`,
  );
  const layout = launchLayout(rows, lines.length, allPreview.length);
  const room = Math.max(1, layout.checkRows);
  const commandRoom = commandViewRows(rows);
  // The reducer scrolls within the room the layout leaves; told after each render.
  useEffect(() => {
    dispatch({
      type: 'fit',
      lines: lines.length,
      room,
      command: { lines: allPreview.length, room: commandRoom },
    });
  }, [lines.length, room, allPreview.length, commandRoom]);

  useEachRequest(state.request, (request) => {
    if (request.kind === 'leave') nav.pop();
    if (request.kind === 'mappings') nav.push({ screen: 'mappings' });
    if (request.kind === 'help') nav.push({ screen: 'help', title: 'launch', keys: LAUNCH_HELP });
    if (request.kind === 'quit') nav.exit({ code: 0 });
  });

  useArmedLaunch({
    armed: state.armed,
    active,
    cloud,
    ready,
    problems,
    plan,
    profile,
    saved:
      !state.appFromProfile && !loaded.error && !deployment
        ? { name: profileName, profile: loaded.profile }
        : null,
    launcher,
    projectDir,
    env,
    vault,
    dispatch,
    exit: nav.exit,
    seen: layout.commandFits || state.confirmed,
  });

  if (state.review) {
    return (
      <CommandView
        title="launch · command"
        right={`profile ${profileName}`}
        lines={allPreview}
        offset={state.review.offset}
        rows={rows}
        message={
          state.message ?? (ready ? null : { tone: 'error', text: verdict(ready, problems) })
        }
        hints={[
          { keys: 'y', what: ready ? 'launch it' : 'launch once the checks pass' },
          { keys: 'Esc', what: 'back' },
        ]}
        status={tildePath(projectDir)}
      />
    );
  }

  return (
    <LaunchView
      state={state}
      layout={layout}
      profileName={profileName}
      app={(deployment ? profile.name : app) ?? ''}
      folder={tildePath(projectDir)}
      lines={lines}
      verdict={verdict(ready, problems)}
      preview={allPreview}
      note={valuesNote(deployment, cloudTarget, mapped)}
      fallback={readyLine(ready, layout.commandFits, foundApp(state))}
      columns={columns}
    />
  );
});

/**
 * The line under the checks when nothing else is said: ready or not, and what
 * Enter does with an app file found beside .lsec.json (it is saved on launch).
 */
function readyLine(ready: boolean, fits: boolean, found: string | undefined): Message | null {
  if (!ready) {
    return found
      ? { tone: 'info', text: `Found ${found}: it is saved to .lsec.json once it launches` }
      : null;
  }
  if (!fits)
    return { tone: 'ok', text: 'Ready: Enter shows the whole command, then y launches it' };
  return {
    tone: 'ok',
    text: found
      ? `Found ${found}: Enter launches it and saves it to .lsec.json`
      : 'Ready: Enter launches',
  };
}
