import { memo, useEffect, useReducer } from 'react';
import type { ScreenProps } from '../types.js';
import { helpReducer, initialHelpState } from './reducer.js';
import { useHelpKeys } from './use-keys.js';
import { HelpView } from './view.js';

/** Every key of the screen below, from that screen's own table. */
export const HelpScreen = memo(function HelpScreen({ route, nav, active }: ScreenProps<'help'>) {
  const [state, dispatch] = useReducer(helpReducer, initialHelpState);
  useHelpKeys(dispatch, active);
  useEffect(() => {
    if (state.closing) nav.pop();
  }, [state.closing, nav]);
  return <HelpView title={route.title} keys={route.keys} />;
});
