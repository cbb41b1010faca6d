// Enter (or L on home) arms the launch; this fires it once nothing is still being
// checked: blocked with the count of problems, or the child handed to the root. One
// reason to change: when and how an armed launch goes ahead.
import { type Dispatch, useEffect, useRef } from 'react';
import type { LaunchPlan } from '../../launch/plan.js';
import { count } from '../../lib/count.js';
import { describeError } from '../../lib/errors.js';
import type { Profile } from '../../store/project-schema.js';
import type { Vault } from '../../store/vault.js';
import { sentence } from '../shared/text.js';
import type { LaunchRequest } from '../types.js';
import type { CloudStatus, LauncherStatus } from './checks.js';
import type { LaunchAction } from './reducer.js';
import { startLaunch } from './start.js';

export interface ArmedLaunchInput {
  armed: boolean;
  active: boolean;
  cloud: CloudStatus;
  ready: boolean;
  problems: number;
  plan: LaunchPlan;
  /** The profile as launched (target and typed app applied). */
  profile: Profile;
  /** The profile as read, and its name, when a typed app should be saved into it. */
  saved: { name: string; profile: Profile } | null;
  launcher: LauncherStatus;
  projectDir: string;
  env: NodeJS.ProcessEnv;
  vault: Vault | null;
  dispatch: Dispatch<LaunchAction>;
  exit: (outcome: { launch: LaunchRequest }) => void;
  /**
   * The whole command is on screen, or the user confirmed it with y on its page:
   * Enter never launches a command the user could not read whole.
   */
  seen: boolean;
}

export function useArmedLaunch(input: ArmedLaunchInput): void {
  const launched = useRef(false);
  // The latest input, read by the effect, which runs only when one of its triggers changes.
  const latest = useRef(input);
  latest.current = input;
  const { armed, active, cloud, ready, plan } = input;
  useEffect(() => {
    const i = latest.current;
    if (!armed || !active || launched.current) return;
    if (cloud.state === 'checking') return;
    if (!ready || !plan.argv) {
      i.dispatch({
        type: 'blocked',
        message: `${count(i.problems, 'problem')} to fix first: nothing was launched (m opens the mappings)`,
      });
      return;
    }
    if (!i.launcher.ok) return;
    if (!i.seen) {
      i.dispatch({ type: 'review' });
      return;
    }
    try {
      const launch = startLaunch({
        plan,
        profile: i.profile,
        saved: i.saved,
        launcherPath: i.launcher.path,
        dir: i.projectDir,
        env: i.env,
        vault: i.vault,
        // The project the cloud check used: pinned for the launched process.
        projectId: i.cloud.state === 'listed' ? i.cloud.projectId : undefined,
        teamspace: i.cloud.state === 'listed' ? i.cloud.teamspace : undefined,
      });
      launched.current = true;
      i.exit({ launch });
    } catch (error) {
      i.dispatch({ type: 'blocked', message: sentence(describeError(error).message) });
    }
  }, [armed, active, cloud.state, ready, plan]);
}
