import { memo, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Matcher } from '../../components/list/fuzzy.js';
import { useMatcher } from '../../components/list/use-matcher.js';
import { useEachRequest } from '../../components/use-each-request.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useForwardPending, useScreenKeys } from '../shared/use-keys.js';
import { refreshVault } from '../shared/use-vault-watch.js';
import type { ScreenProps } from '../types.js';
import { homeHelp, REVEAL_SECONDS } from './bindings.js';
import { CLOUD_HELP, cloudProblemHeight } from './cloud.js';
import { copySelected } from './copy.js';

/** How long a revealed value stays on screen (defined with the key table, which says it too). */
export { REVEAL_MS } from './bindings.js';

import { homeLayout, revealLines } from './layout.js';
import { useMappedNames } from './mapped.js';
import { homeReducer, initialHomeState } from './reducer.js';
import { homeRows, sameNames } from './rows.js';
import { HomeView } from './view.js';

/** The secrets list: the screen a session returns to. */
export const HomeScreen = memo(function HomeScreen({ nav, session, active }: ScreenProps<'home'>) {
  const { vault, change, cloud } = session;
  const cloudOnly = cloud?.scan?.cloudOnly;
  const { columns, rows } = useTerminalSize();
  const [state, dispatch] = useReducer(homeReducer, undefined, () => ({
    ...initialHomeState(
      homeRows(vault?.list() ?? [], cloudOnly),
      homeLayout(rows, 0, false).listRows,
    ),
    cloudOnly,
    // A warning from the unlock (a rolled-back vault) is the first thing home says.
    message: change.warning ? ({ tone: 'error', text: change.warning } as const) : null,
  }));

  // The list height follows the terminal and the panels; adjusted during render so no
  // frame ever shows a list taller than the room it has.
  const filterLine = state.filtering || state.filter.value !== '';
  const cloudLines = cloudProblemHeight(cloud);
  const shown = state.revealed
    ? revealLines(state.revealed.value, columns, rows, (filterLine ? 1 : 0) + cloudLines)
    : null;
  const layout = homeLayout(
    rows,
    shown ? shown.lines.length + (shown.more > 0 ? 1 : 0) : 0,
    filterLine,
    cloudLines,
  );
  if (layout.listRows !== state.list.height) dispatch({ type: 'height', height: layout.listRows });

  const forward = useScreenKeys(dispatch, active);
  // The fuzzy matcher loads after the first frame; the filter matches substrings till then.
  useMatcher(
    state.matcher,
    useCallback((matcher: Matcher) => dispatch({ type: 'matcher', matcher }), []),
    state.names,
  );
  const mapped = useMappedNames(session.projectDir, session.profileName, active, change.revision);
  // Keys typed after the one that opened a screen belong to that screen.
  const forwarded = useCallback(() => dispatch({ type: 'forwarded' }), []);
  useForwardPending(state.pending, forward, forwarded);

  // The cloud's own secrets join the rows during render, like the height, so no frame
  // shows the cloud's states without them; a new scan with the same names changes nothing.
  if (vault && !sameNames(state.cloudOnly, cloudOnly)) {
    dispatch({ type: 'load', secrets: homeRows(vault.list(), cloudOnly), cloudOnly });
  }

  const loaded = useRef(change.revision);
  useEffect(() => {
    if (!vault || loaded.current === change.revision) return;
    loaded.current = change.revision;
    const secrets = homeRows(vault.list(), cloudOnly);
    const { select, notice, warning } = change;
    dispatch({ type: 'load', secrets, cloudOnly, select, notice, warning });
  }, [vault, change, cloudOnly]);

  // The rows in view get their cloud state first; the rest follows in the background.
  const scan = cloud?.scan;
  const { offset, height } = state.list;
  const { shown: order, all } = state;
  useEffect(() => {
    if (!scan || scan.pending === 0) return;
    scan.prioritize(order.slice(offset, offset + height).map((i) => all[i]!.name));
  }, [scan, order, all, offset, height]);

  useEachRequest(state.request, ({ command, name }) => {
    switch (command.type) {
      case 'open':
        nav.push(command.route(name));
        break;
      case 'help':
        nav.push({
          screen: 'help',
          title: 'secrets',
          keys: cloud ? [...homeHelp(), ...CLOUD_HELP] : homeHelp(),
        });
        break;
      case 'quit':
        nav.exit({ code: 0 });
        break;
      case 'refresh': {
        if (!vault) break;
        // The file first (another terminal may have written it), then a new change
        // revision reloads the rows and, with credentials, asks the cloud again.
        const found = refreshVault(vault);
        const read = found?.notice ?? `Reloaded: no change (generation ${vault.generation})`;
        if (found?.warning) nav.changed({ select: name, warning: found.warning });
        else
          nav.changed({ select: name, notice: cloud ? `${read}; asking the cloud again` : read });
        break;
      }
      case 'copy':
        if (!vault || name === undefined) break;
        copySelected(vault, name).then(
          (text) => dispatch({ type: 'message', message: { tone: 'info', text } }),
          (error) => {
            const text = sentence(describeError(error).message);
            dispatch({ type: 'message', message: { tone: 'error', text } });
          },
        );
        break;
      case 'undo': {
        const last = vault?.trash().at(-1);
        if (!vault || !last) {
          dispatch({
            type: 'message',
            message: { tone: 'info', text: 'Nothing to undo: the trash is empty' },
          });
          break;
        }
        vault.restore(last.name).then(
          () => nav.changed({ select: last.name, notice: `Restored ${last.name} from the trash` }),
          (error) => {
            const text = sentence(describeError(error).message);
            dispatch({ type: 'message', message: { tone: 'error', text } });
          },
        );
        break;
      }
      case 'reveal':
        if (!vault || name === undefined) break;
        try {
          dispatch({ type: 'revealed', name, value: vault.reveal(name) });
        } catch (error) {
          const text = sentence(describeError(error).message);
          dispatch({ type: 'message', message: { tone: 'error', text } });
        }
        break;
    }
  });

  useEffect(() => {
    if (active) dispatch({ type: 'resume' });
  }, [active]);

  // Hidden after REVEAL_MS, counting down each second on screen, and whenever
  // another screen covers this one.
  const { revealed } = state;
  const [secondsLeft, setSecondsLeft] = useState(REVEAL_SECONDS);
  useEffect(() => {
    if (!revealed) return;
    if (!active) {
      dispatch({ type: 'hide' });
      return;
    }
    let left = REVEAL_SECONDS;
    setSecondsLeft(left);
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      left -= 1;
      if (left <= 0) dispatch({ type: 'hide' });
      else {
        setSecondsLeft(left);
        timer = setTimeout(tick, 1000);
      }
    };
    timer = setTimeout(tick, 1000);
    return () => clearTimeout(timer);
  }, [revealed, active]);

  return (
    <HomeView
      state={state}
      layout={layout}
      columns={columns}
      rows={rows}
      vaultPath={session.vaultPath}
      profile={session.profileName}
      cloud={cloud}
      secondsLeft={secondsLeft}
      reveal={shown}
      mapped={mapped}
    />
  );
});
