// The command a profile launches, as the preview lines of the mappings and launch
// screens. Pure; views sanitize.
import { composeArgv, formatCommand } from '../../launch/compose.js';
import type { LaunchPlan } from '../../launch/plan.js';
import type { Profile } from '../../store/project-schema.js';

/** The command the plan runs; with no app yet, "APP" stands where it goes. */
export function commandText(plan: LaunchPlan, profile: Profile, bin: string): string {
  if (plan.argv) return formatCommand(plan.argv);
  try {
    const { name: _name, ...rest } = profile;
    return formatCommand(composeArgv({ ...rest, app: 'APP' }, { bin, local: !plan.cloud }));
  } catch {
    return '(no command yet: see the problems)';
  }
}

/** What to do about a missing app in the TUI, where the CLI's "lsec launch APP" does not apply. */
export const APP_UNSET_FIX =
  'type it on the launch screen (l); it is saved when the launch goes ahead';
