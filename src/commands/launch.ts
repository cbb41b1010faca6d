import { formatCommand, isCloud } from '../launch/compose.js';
import { deploymentExists } from '../launch/deployments.js';
import { findInstalled } from '../launch/installed.js';
import { INSTALL_HINT, launcherName } from '../launch/launcher.js';
import { describeProblems, planLaunch } from '../launch/plan.js';
import {
  type CloudCheck,
  type CloudChoice,
  type CloudWish,
  checkCloud,
  childLaunch,
  cloudChooser,
  cloudWish,
  mappedValues,
  NO_CREDENTIALS_NOTE,
  needsCloudCheck,
  needsValues,
} from '../launch/prepare.js';
import { describeCli } from '../launch/release.js';
import { runChild } from '../launch/spawn.js';
import { count } from '../lib/count.js';
import { UsageError } from '../lib/errors.js';
import { lines } from '../lib/messages.js';
import type { Profile } from '../store/project-schema.js';
import { vaultNames } from '../store/vault-names.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';
import { openProject } from './project-ctx.js';
import { saveProfile } from './project-save.js';

/** The cloud check, or undefined (with a notice) when the cloud cannot be asked. */
async function cloudCheck(
  ctx: Ctx,
  wish: CloudWish,
  chosen: Promise<CloudChoice | undefined>,
): Promise<Extract<CloudCheck, { state: 'listed' }> | undefined> {
  try {
    const answer = await checkCloud(ctx.env, wish, chosen);
    if (answer.state === 'no-credentials') {
      ctx.note(`${NO_CREDENTIALS_NOTE} (--no-verify to silence)`);
      return undefined;
    }
    if (answer.note) ctx.note(answer.note);
    return answer;
  } catch (error) {
    // The error itself follows; say how to launch anyway (e.g. credentials only
    // Lightning's own CLI can use, or a cloud API that is down).
    ctx.note('checking the cloud for the mapped secrets failed; --no-verify skips this check');
    throw error;
  }
}

/**
 * `create` or `update` for a deployment target: --update, else what the cloud lists,
 * else `create` with a notice (Lightning refuses to update a missing deployment).
 */
async function deploymentCommand(
  ctx: Ctx,
  profile: Profile,
  choose: () => Promise<CloudChoice | undefined>,
): Promise<'create' | 'update' | undefined> {
  if (profile.target !== 'deployment') return undefined;
  if (hasFlag(ctx, 'update')) return 'update';
  if (!profile.name) return 'create';
  const answer = await deploymentExists(profile.name, choose());
  if (answer.state === 'listed') return answer.exists ? 'update' : 'create';
  ctx.note(
    `${answer.why}: cannot tell whether deployment ${profile.name} exists; creating it (--update updates it)`,
  );
  return 'create';
}

export async function run(ctx: Ctx): Promise<number> {
  const p = openProject(ctx);
  const appArg = ctx.args.positionals[0];
  let profile = p.profile;
  // APP fills the profile's app once; an existing app is only overridden for this run.
  const rememberApp = appArg !== undefined && !profile.app;
  if (appArg !== undefined) profile = { ...profile, app: appArg };
  const local = hasFlag(ctx, 'local');
  const dryRun = hasFlag(ctx, 'dry-run');
  const cloud = isCloud(profile, local);
  const installed = findInstalled(ctx.env, p.dir, profile.target);
  if (installed.cli?.kind === 'unknown') ctx.note(`Lightning: ${describeCli(installed.cli)}`);
  // --dry-run checks the cloud too (one read-only list), so that it answers as the
  // launch would: a cloud-only secret is fine and a missing one is named.
  const needCloud = needsCloudCheck(cloud, profile, hasFlag(ctx, 'no-verify'));
  // Where the launched CLI looks: a deployment's argv may name its teamspace.
  const wish = cloudWish(profile, ctx.args.rest);
  const choose = cloudChooser(ctx.env, wish);
  const deployment = await deploymentCommand(ctx, profile, choose);
  const checked = needCloud ? await cloudCheck(ctx, wish, choose()) : undefined;
  const plan = planLaunch({
    dir: p.dir,
    profile,
    bin: launcherName(ctx.env, profile.target),
    local,
    extra: ctx.args.rest,
    vaultNames: vaultNames(ctx.home),
    cloudNames: checked?.names,
    noVerify: hasFlag(ctx, 'no-verify'),
    cli: installed.cli,
    launcherProblem: installed.problem,
    deployment,
  });
  if (plan.problems.length > 0 || !plan.argv) {
    // --dry-run still shows the command, so the problems can be read against it.
    if (dryRun && plan.argv) ctx.out(`${formatCommand(plan.argv)}\n`);
    lines(describeProblems(plan.problems));
    throw new UsageError(
      `${count(plan.problems.length, 'problem')}: nothing was launched`,
      'fix them, then run lsec launch again (lsec show lists them too)',
    );
  }
  // Saved only once the checks pass: exit 2 means nothing changed, and a mistyped
  // APP kept in the profile could not be replaced from the command line.
  if (rememberApp) saveProfile(p, { ...p.profile, app: appArg }, ctx);
  if (dryRun) {
    ctx.out(`${formatCommand(plan.argv)}\n`);
    return 0;
  }
  // The pre-flight refused a missing launcher, so it is there.
  const bin = installed.launcher!.path;
  // Values are read only for a local run, and only into the child's environment.
  let values: Map<string, string> | undefined;
  if (needsValues(plan, profile)) {
    const vault = await openVault(ctx);
    try {
      values = mappedValues(profile, (secret) => vault.reveal(secret));
    } finally {
      vault.lock();
    }
  }
  const { projectId, teamspace } = checked ?? {};
  const child = childLaunch({
    plan,
    profile,
    bin,
    dir: p.dir,
    env: ctx.env,
    values,
    projectId,
    teamspace,
  });
  ctx.note(`launching: ${formatCommand(plan.argv)}`);
  return runChild(child.bin, child.args, child.env, child.cwd, { notFoundHint: INSTALL_HINT });
}
