// The launch screen's pre-flight list: every check of `lsec launch`, one row each,
// ✓ when it passed and ✗ with each problem and its fix when it did not. Built from
// the same plan the CLI uses, so the screen and `lsec launch` cannot disagree. Pure.
import type { LaunchPlan } from '../../launch/plan.js';
import type { Problem, ProblemCode } from '../../launch/preflight.js';
import { describeCli, type InstalledCli } from '../../launch/release.js';
import { count } from '../../lib/count.js';
import type { Profile } from '../../store/project-schema.js';

/** What the cloud said, as far as this screen knows. */
export type CloudStatus =
  | { state: 'idle' }
  | { state: 'checking' }
  | {
      state: 'listed';
      names: ReadonlySet<string>;
      note?: string;
      projectId?: string;
      /** A deployment's teamspace to pin (CloudCheck.teamspace). */
      teamspace?: string;
    }
  | { state: 'no-credentials' }
  | { state: 'failed'; error: string }
  | { state: 'skipped' };

/** The launcher as found (or not) on this machine. */
export type LauncherStatus =
  | { ok: true; name: string; path: string; cli: InstalledCli }
  | { ok: false; message: string; fix: string };

export interface Check {
  /** ✓ passed, ✗ failed, … still running, – not checked (said why in the title). */
  mark: '✓' | '✗' | '…' | '–';
  title: string;
  problems: { message: string; fix: string }[];
}

/** The CLI says "lsec launch APP"; here the field above takes it (a focuses it). */
const appFix = (keys: boolean) =>
  `type it in the App field above${keys ? ' (a)' : ''}; it is saved to .lsec.json when the launch goes ahead`;

/** Pushing is a key away in the TUI (but not while the App field has the keys). */
const pushFix = (secret: string, keys: boolean) =>
  keys
    ? `push it: Esc, then p on the secrets screen (or lsec push ${secret})`
    : `push it: lsec push ${secret}`;

function byCodes(problems: readonly Problem[], codes: readonly ProblemCode[]) {
  return problems.filter((p) => codes.includes(p.code));
}

function check(ok: string, failed: string, problems: Problem[]): Check {
  return problems.length === 0
    ? { mark: '✓', title: ok, problems: [] }
    : { mark: '✗', title: failed, problems };
}

function cloudCheck(status: CloudStatus, mapped: number, keys: boolean): Check | undefined {
  switch (status.state) {
    case 'idle':
      return undefined;
    case 'checking':
      return {
        mark: '…',
        title: `asking the cloud for the ${count(mapped, 'mapped secret')}…`,
        problems: [],
      };
    case 'listed':
      return {
        mark: '✓',
        title: status.note ? `the cloud answered (${status.note})` : 'the cloud answered',
        problems: [],
      };
    case 'no-credentials':
      return {
        mark: '–',
        title:
          'no Lightning credentials: the cloud was not asked (each secret must be in the vault)',
        problems: [],
      };
    case 'skipped':
      return {
        mark: '–',
        title: `not checking where the secrets are (like --no-verify${keys ? '; v checks again' : ''})`,
        problems: [],
      };
    case 'failed':
      return {
        mark: '✗',
        title: 'asking the cloud failed',
        problems: [
          {
            message: status.error,
            // Tab is the one key that leads out of the App field.
            fix: `${keys ? '' : 'Tab ends the App field, then '}r asks again; v launches without checking (like --no-verify)`,
          },
        ],
      };
  }
}

export interface ChecksInput {
  plan: LaunchPlan;
  profile: Profile;
  launcher: LauncherStatus;
  cloud: CloudStatus;
  /** Why .lsec.json could not be read, when it could not. */
  projectError?: string;
  /**
   * A text field (App) has the keys: the titles and fixes name no key of the screen,
   * since typing one would only put it in the field.
   */
  typing?: boolean;
}

export function launchChecks(input: ChecksInput): Check[] {
  const { plan, profile, launcher, cloud, projectError } = input;
  const keys = !input.typing;
  const { problems } = plan;
  const mapped = Object.keys(profile.secrets).length;
  const where = !plan.cloud
    ? 'in the vault'
    : cloud.state === 'listed'
      ? 'in the vault or the cloud'
      : 'in the vault';
  const checks: Check[] = [
    profile.target === 'deployment'
      ? check(
          `deployment ${profile.name ?? ''} is named`,
          'deployment',
          byCodes(problems, ['deployment-name', 'deployment-local']),
        )
      : check(
          `app file ${profile.app ?? ''} exists`,
          'app file',
          byCodes(problems, ['app-unset', 'app-missing', 'app-dash', 'name-dash']).map((p) =>
            p.code === 'app-unset' ? { ...p, fix: appFix(keys) } : p,
          ),
        ),
    launcher.ok
      ? {
          mark: '✓',
          title:
            launcher.path === launcher.name
              ? `launcher ${launcher.name} found`
              : `launcher ${launcher.name} found (${launcher.path})`,
          problems: [],
        }
      : {
          mark: '✗',
          title: 'launcher',
          problems: [{ message: launcher.message, fix: launcher.fix }],
        },
    check(
      launcher.ok
        ? `Lightning accepts the whole command (${describeCli(launcher.cli)})`
        : 'the whole command (checked against the options every release accepts)',
      'the command, as Lightning parses it',
      byCodes(problems, ['launcher', 'argv']).map((p) =>
        p.subject === 'target' && keys ? { ...p, fix: `${p.fix} (t switches the target here)` } : p,
      ),
    ),
    check(
      'env names are valid and each is used once',
      'env names',
      byCodes(problems, ['env-name', 'env-duplicate']),
    ),
    check('no "=" in a plain value', 'plain values', byCodes(problems, ['plain-value'])),
    check(
      "secret names follow Lightning's rule",
      'secret names',
      byCodes(problems, ['secret-name']),
    ),
    mapped === 0
      ? { mark: '✓', title: `no secrets mapped${keys ? ' (m maps some)' : ''}`, problems: [] }
      : plan.cloud && cloud.state === 'checking'
        ? { mark: '–', title: 'mapped secrets: waiting for the cloud', problems: [] }
        : plan.cloud && cloud.state === 'skipped'
          ? {
              mark: '–',
              title: `${count(mapped, 'mapped secret')}, not looked up`,
              problems: [],
            }
          : check(
              `${count(mapped, 'mapped secret')} found ${where}`,
              'mapped secrets',
              byCodes(problems, ['secret-not-in-vault', 'secret-not-in-cloud']).map((p) =>
                p.code === 'secret-not-in-cloud' ? { ...p, fix: pushFix(p.subject, keys) } : p,
              ),
            ),
  ];
  const asked = plan.cloud && mapped > 0 ? cloudCheck(cloud, mapped, keys) : undefined;
  if (asked) checks.push(asked);
  if (projectError) {
    const fix = 'fix the file by hand; lsec leaves it unchanged until it is valid';
    checks.unshift({
      mark: '✗',
      title: 'project file',
      problems: [{ message: projectError, fix }],
    });
  }
  return checks;
}

/** Whether Enter may launch now: nothing failed and nothing is still running. */
export function readyToLaunch(checks: readonly Check[], plan: LaunchPlan): boolean {
  return plan.argv !== undefined && checks.every((c) => c.mark === '✓' || c.mark === '–');
}

export function problemCount(checks: readonly Check[]): number {
  return checks.reduce((n, c) => n + c.problems.length, 0);
}
