// The router's table: one entry per screen. Adding a screen: its route parameters in
// types.ts (Routes), its component here; home opens it from a binding.
import { type ComponentType, lazy } from 'react';
import { CreateScreen } from './create/index.js';
import { DeleteScreen } from './delete/index.js';
import { EditScreen } from './edit/index.js';
import { HelpScreen } from './help/index.js';
import { HomeScreen } from './home/index.js';
import { PushScreen } from './push/index.js';
import { RenameScreen } from './rename/index.js';
import type { ScreenName, ScreenProps } from './types.js';
import { UnlockScreen } from './unlock/index.js';

/** Runs `load` once; later calls share its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    return loading;
  };
}

// The project-file screens load on first use (the root wraps screens in Suspense):
// they pull in conf, which the first frame should not wait for (DESIGN §7).
const loadMappings = once(() =>
  import('./mappings/index.js').then((m) => ({ default: m.MappingsScreen })),
);
const loadLaunch = once(() =>
  import('./launch/index.js').then((m) => ({ default: m.LaunchScreen })),
);

let preloading: Promise<unknown> = Promise.resolve();

/** Loads the lazy screens' code ahead of use, e.g. once the first frame is drawn. */
export function preloadScreens(): void {
  preloading = Promise.allSettled([loadMappings(), loadLaunch()]);
}

/**
 * Settles once the code a preload asked for has arrived. An import cannot be cancelled,
 * so an App unmounted mid-preload leaves it running: a test awaits this before its
 * file ends, or the test runner sees a module request outlive the test.
 */
export function preloadSettled(): Promise<unknown> {
  return preloading;
}

export const SCREENS: { [K in ScreenName]: ComponentType<ScreenProps<K>> } = {
  create: CreateScreen,
  unlock: UnlockScreen,
  home: HomeScreen,
  edit: EditScreen,
  delete: DeleteScreen,
  rename: RenameScreen,
  help: HelpScreen,
  mappings: lazy(loadMappings),
  launch: lazy(loadLaunch),
  push: PushScreen,
};
