import { memo, useEffect, useReducer } from 'react';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { helpReducer, initialHelpState } from './reducer.js';
import { HelpView, helpRows } from './view.js';

/** Every key of the screen below, from that screen's own table. */
export const HelpScreen = memo(function HelpScreen({ route, nav, active }: ScreenProps<'help'>) {
  const { rows } = useTerminalSize();
  const height = helpRows(rows);
  const [state, dispatch] = useReducer(helpReducer, undefined, () =>
    initialHelpState(route.keys.length, height),
  );
  // Follows a resize during render, so no frame shows more rows than fit.
  if (state.height !== height || state.count !== route.keys.length) {
    dispatch({ type: 'fit', count: route.keys.length, height });
  }
  useScreenKeys(dispatch, active);
  useEffect(() => {
    if (state.closing) nav.pop();
  }, [state.closing, nav]);
  return (
    <HelpView title={route.title} keys={route.keys} offset={state.offset} height={state.height} />
  );
});
