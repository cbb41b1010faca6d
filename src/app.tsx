// The TUI root: the screen stack, the unlocked session and the one place that calls
// Ink's exit(). Screens ask through `nav`; the outcome leaves through exit(outcome)
// and runTui (src/tui.tsx) acts on it after Ink has unmounted.
import { Box, useApp } from 'ink';
import {
  type ComponentType,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useTerminalSize } from './components/use-terminal-size.js';
import { vaultFile } from './lib/paths.js';
import { preloadScreens, SCREENS } from './screens/registry.js';
import { appReducer, initialAppState } from './screens/router.js';
import { KeyBusProvider } from './screens/shared/key-bus.js';
import { profileProject } from './screens/shared/profile-project.js';
import { duration } from './screens/shared/text.js';
import { useCloudState } from './screens/shared/use-cloud-state.js';
import { useVaultWatch } from './screens/shared/use-vault-watch.js';
import { Watchdog } from './screens/shared/watchdog.js';
import type { Drafts, Nav, Route, ScreenProps, Session } from './screens/types.js';
import { DEFAULT_PROFILE } from './store/project-schema.js';
import { vaultExists } from './store/vault-file.js';

export interface AppProps {
  /** LSEC_HOME. */
  home: string;
  /** Lock after this many idle milliseconds while unlocked; 0 = never. */
  autolockMs: number;
  /** PBKDF2 iterations for a new vault. */
  iterations: number;
  /** LSEC_PASSPHRASE: tried once for the first unlock only. */
  passphrase?: string;
  /** The environment to reach the Lightning cloud with; absent: no credentials, no requests. */
  cloudEnv?: NodeJS.ProcessEnv;
  /** The app's folder (findProjectDir in tui.tsx); default: the working directory. */
  projectDir?: string;
  /** The profile to start with; default "default". */
  profile?: string;
  /** Where the launcher is looked up, and what a launched child inherits; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export function firstRoute(home: string, passphrase?: string): Route {
  return vaultExists(home) ? { screen: 'unlock', passphrase } : { screen: 'create' };
}

export function App({
  home,
  autolockMs,
  iterations,
  passphrase,
  cloudEnv,
  projectDir = process.cwd(),
  profile: firstProfile = DEFAULT_PROFILE,
  env = process.env,
}: AppProps) {
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialAppState(firstRoute(home, passphrase)),
  );
  const { exit } = useApp();
  const { rows } = useTerminalSize();
  // The profile the launch screens use; the mappings screen changes it.
  const [profileName, selectProfile] = useState(firstProfile);
  // Edits that outlive the screens an auto-lock unmounts; the user comes back to them.
  const drafts = useRef<Drafts>({}).current;

  const nav = useMemo<Nav>(
    () => ({
      push: (route) => dispatch({ type: 'push', route }),
      pop: () => dispatch({ type: 'pop' }),
      unlocked: (vault) => {
        const reopen: Route[] = drafts.mappings ? [{ screen: 'mappings' }] : [];
        dispatch({ type: 'unlocked', vault, reopen });
      },
      changed: (change) => dispatch({ type: 'changed', ...change }),
      exit: (outcome) => dispatch({ type: 'exit', outcome }),
      selectProfile,
    }),
    [drafts],
  );

  // The mappings and launch screens' code loads while the user types the passphrase.
  useEffect(() => {
    const timer = setTimeout(preloadScreens, 0);
    return () => clearTimeout(timer);
  }, []);

  // A vault handle that leaves the state (lock, exit, unmount) loses its keys.
  const { vault, outcome, change } = state;
  useEffect(() => () => vault?.lock(), [vault]);

  useEffect(() => {
    if (outcome) exit(outcome);
  }, [outcome, exit]);

  const onIdle = useCallback(() => {
    const kept = drafts.mappings ? ' Your unsaved mappings are kept.' : '';
    dispatch({
      type: 'lock',
      notice: `Locked after ${duration(autolockMs)} without a key press.${kept}`,
    });
  }, [autolockMs, drafts]);
  const onInterrupt = useCallback(() => dispatch({ type: 'exit', outcome: { code: 130 } }), []);

  // Another terminal's writes show up on their own (issue 12, bug 4).
  useVaultWatch(vault, nav.changed);

  // Re-read when the project file may have changed (a save bumps the revision).
  // biome-ignore lint/correctness/useExhaustiveDependencies: change.revision is a trigger
  const project = useMemo(
    () => profileProject(projectDir, profileName),
    [projectDir, profileName, change.revision],
  );
  const cloud = useCloudState(cloudEnv, vault, change.revision, project);
  const session = useMemo<Session>(
    () => ({
      home,
      vaultPath: vaultFile(home),
      vault,
      iterations,
      change,
      cloud,
      projectDir,
      profileName,
      env,
      drafts,
    }),
    [home, vault, iterations, change, cloud, projectDir, profileName, env, drafts],
  );

  // Nothing is drawn once leaving: no value stays in the last frame.
  if (outcome) return null;
  return (
    <KeyBusProvider>
      <Box flexDirection="column" height={Math.max(1, rows - 1)} overflow="hidden">
        <Watchdog idleMs={vault ? autolockMs : 0} onIdle={onIdle} onInterrupt={onInterrupt} />
        {state.stack.map((entry, i) => {
          const top = i === state.stack.length - 1;
          const Screen = SCREENS[entry.route.screen] as ComponentType<ScreenProps>;
          // Screens below the top stay mounted but hidden, so going back keeps their state.
          return (
            <Box key={entry.id} display={top ? 'flex' : 'none'} flexDirection="column">
              {/* Lazy screens (registry.ts) draw nothing for the moment their code loads. */}
              <Suspense fallback={null}>
                <Screen route={entry.route} nav={nav} session={session} active={top} />
              </Suspense>
            </Box>
          );
        })}
      </Box>
    </KeyBusProvider>
  );
}
