// The router's table: one entry per screen. Adding a screen: its route parameters in
// types.ts (Routes), its component here; home opens it from a binding.
import type { ComponentType } from 'react';
import { CreateScreen } from './create/index.js';
import { DeleteScreen } from './delete/index.js';
import { EditScreen } from './edit/index.js';
import { HelpScreen } from './help/index.js';
import { HomeScreen } from './home/index.js';
import { LaunchScreen } from './launch/index.js';
import { MappingsScreen } from './mappings/index.js';
import { PushScreen } from './push/index.js';
import type { ScreenName, ScreenProps } from './types.js';
import { UnlockScreen } from './unlock/index.js';

export const SCREENS: { [K in ScreenName]: ComponentType<ScreenProps<K>> } = {
  create: CreateScreen,
  unlock: UnlockScreen,
  home: HomeScreen,
  edit: EditScreen,
  delete: DeleteScreen,
  help: HelpScreen,
  mappings: MappingsScreen,
  launch: LaunchScreen,
  push: PushScreen,
};
