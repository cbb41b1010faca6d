import { projectLabel } from '../cloud/project.js';
import { formatCommand } from '../launch/compose.js';
import { findInstalled } from '../launch/installed.js';
import { launcherName } from '../launch/launcher.js';
import { describeProblems, planLaunch } from '../launch/plan.js';
import { chooseCloudProject, cloudWish } from '../launch/prepare.js';
import { describeCli } from '../launch/release.js';
import { count } from '../lib/count.js';
import { describeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import type { Profile } from '../store/project-schema.js';
import { vaultNames } from '../store/vault-names.js';
import { type Ctx, hasFlag } from './context.js';
import { openProject } from './project-ctx.js';

/** The project a cloud launch would verify in and pin (the same choice), when the cloud answers. */
async function cloudProject(
  ctx: Ctx,
  profile: Profile,
): Promise<{ line: string; json: object } | undefined> {
  try {
    const project = (await chooseCloudProject(ctx.env, cloudWish(profile)))?.project;
    if (!project) return undefined;
    const { projectId: id, name, source } = project;
    return {
      line: `${projectLabel(project)}  (chosen by ${source})`,
      json: { id, name, source },
    };
  } catch (error) {
    const { message } = describeError(error);
    return { line: `(not known: ${message})`, json: { error: message } };
  }
}

/** The profile, its checks and the exact command; exit 2 when a launch would be refused. */
export async function run(ctx: Ctx): Promise<number> {
  const p = openProject(ctx);
  const inVault = vaultNames(ctx.home);
  const { profile } = p;
  const installed = findInstalled(ctx.env, p.dir, profile.target);
  const plan = planLaunch({
    dir: p.dir,
    profile,
    bin: launcherName(ctx.env, profile.target),
    vaultNames: inVault,
    cli: installed.cli,
    launcherProblem: installed.problem,
  });
  const cli = installed.cli ? describeCli(installed.cli) : 'not installed';
  const project = plan.cloud ? await cloudProject(ctx, profile) : undefined;
  if (hasFlag(ctx, 'json')) {
    ctx.out(
      `${JSON.stringify({
        schema: 1,
        profile: p.profileName,
        target: profile.target ?? 'app',
        app: profile.app ?? null,
        cloud: plan.cloud,
        lightning: cli,
        env: profile.env,
        secrets: profile.secrets,
        argv: plan.argv ?? null,
        problems: plan.problems,
        project: project?.json ?? null,
      })}\n`,
    );
  } else {
    const lines = [
      `profile  ${safeLine(p.profileName)}${p.project.exists ? '' : '  (no .lsec.json yet)'}`,
      `file     ${safeLine(p.project.path)}`,
      profile.target === 'deployment'
        ? `deploy   ${safeLine(profile.name ?? '(no name set)')}`
        : `app      ${safeLine(profile.app ?? '(not set)')}`,
      `target   ${profile.target === 'deployment' ? 'deployment (cloud)' : plan.cloud ? 'cloud' : 'local'}`,
      `lightning ${safeLine(cli)}`,
    ];
    if (project) lines.push(`project  ${safeLine(project.line)}`);
    for (const [k, v] of Object.entries(profile.env))
      lines.push(`env      ${safeLine(`${k}=${v}`)}`);
    for (const [k, s] of Object.entries(profile.secrets)) {
      lines.push(
        `secret   ${safeLine(`${k} <- ${s}`)}${inVault.has(s) ? '' : '  (not in the vault)'}`,
      );
    }
    lines.push('', plan.argv ? formatCommand(plan.argv) : '(no command: fix the problems below)');
    if (plan.problems.length > 0) lines.push('', ...describeProblems(plan.problems).map(safeLine));
    ctx.out(`${lines.join('\n')}\n`);
  }
  // The same pre-flight as a launch, so the same verdict (DESIGN §5).
  if (plan.problems.length > 0) {
    throw new UsageError(
      `${count(plan.problems.length, 'problem')}: a launch would be refused`,
      'fix them, then lsec show again',
    );
  }
  return 0;
}
