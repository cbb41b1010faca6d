import { memo, useEffect, useReducer, useRef } from 'react';
import { projectLabel } from '../../cloud/project.js';
import { summaryText } from '../../cloud/push-vault.js';
import { describeError } from '../../lib/errors.js';
import { NO_CREDENTIALS } from '../shared/cloud-problem.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { runPush } from './job.js';
import { initialPushState, pushReducer } from './reducer.js';
import { PushView } from './view.js';

/** Asks what to push, pushes it with a line per secret, then sums up. */
export const PushScreen = memo(function PushScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'push'>) {
  const { vault, cloud } = session;
  const [state, dispatch] = useReducer(pushReducer, undefined, () => {
    const asking = initialPushState(
      route.name !== undefined && vault?.has(route.name) ? route.name : undefined,
      vault?.list().length ?? 0,
    );
    // Without credentials there is nothing to ask: say how to set them at once.
    if (cloud) return asking;
    const { message, hint } = describeError(NO_CREDENTIALS);
    return pushReducer(asking, { type: 'failed', message: sentence(message), hint });
  });
  const { phase, names } = state;
  useScreenKeys(dispatch, active && phase !== 'preparing' && phase !== 'pushing');

  // The job must outlive re-renders (the cloud view changes while it runs) and start
  // once; only leaving the screen stops it from reading further values.
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useEffect(() => {
    if (phase === 'back') nav.pop();
  }, [phase, nav]);

  const started = useRef(false);
  useEffect(() => {
    if (phase !== 'preparing' || started.current || !vault || !names) return;
    started.current = true;
    const chosen = names === 'all' ? vault.list().map((s) => s.name) : names;
    const live = () => alive.current;
    const connection = cloud ? cloud.connection() : Promise.reject(NO_CREDENTIALS);
    connection
      .then((conn) =>
        runPush(conn, vault, chosen, {
          preparing: (done, total) => live() && dispatch({ type: 'preparing', done, total }),
          planned: (count) => live() && dispatch({ type: 'planned', count }),
          result: (result) => live() && dispatch({ type: 'result', result }),
          alive: live,
        }).then((counts) => ({ counts, project: projectLabel(conn.project) })),
      )
      .then(({ counts, project }) => {
        if (!live()) return;
        dispatch({ type: 'finished' });
        // The vault recorded fingerprints: home reloads and the cloud is listed again.
        const clean = counts.failed === 0;
        nav.changed({ notice: clean ? `Pushed to ${project}: ${summaryText(counts)}` : undefined });
      })
      .catch((error: unknown) => {
        const { message, hint } = describeError(error);
        if (live()) dispatch({ type: 'failed', message: sentence(message), hint });
      });
  }, [phase, names, vault, cloud, nav]);

  return (
    <PushView
      state={state}
      asked={route.name}
      project={cloud?.project}
      vaultPath={session.vaultPath}
    />
  );
});
