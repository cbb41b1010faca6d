import { formatCommand } from '../launch/compose.js';
import { launcherName } from '../launch/launcher.js';
import { describeProblems, planLaunch } from '../launch/plan.js';
import { safeLine } from '../lib/safe-text.js';
import { vaultNames } from '../store/vault-names.js';
import { type Ctx, hasFlag } from './context.js';
import { openProject } from './project-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const p = openProject(ctx);
  const inVault = vaultNames(ctx.home);
  const plan = planLaunch({
    dir: p.dir,
    profile: p.profile,
    bin: launcherName(ctx.env),
    vaultNames: inVault,
  });
  const { profile } = p;
  if (hasFlag(ctx, 'json')) {
    ctx.out(
      `${JSON.stringify({
        schema: 1,
        profile: p.profileName,
        app: profile.app ?? null,
        cloud: plan.cloud,
        env: profile.env,
        secrets: profile.secrets,
        argv: plan.argv ?? null,
        problems: plan.problems,
      })}\n`,
    );
    return 0;
  }
  const lines = [
    `profile  ${safeLine(p.profileName)}${p.project.exists ? '' : '  (no .lsec.json yet)'}`,
    `file     ${safeLine(p.project.path)}`,
    `app      ${safeLine(profile.app ?? '(not set)')}`,
    `target   ${plan.cloud ? 'cloud' : 'local'}`,
  ];
  for (const [k, v] of Object.entries(profile.env)) lines.push(`env      ${safeLine(`${k}=${v}`)}`);
  for (const [k, s] of Object.entries(profile.secrets)) {
    lines.push(
      `secret   ${safeLine(`${k} <- ${s}`)}${inVault.has(s) ? '' : '  (not in the vault)'}`,
    );
  }
  lines.push('', plan.argv ? formatCommand(plan.argv) : '(no command: fix the problems below)');
  if (plan.problems.length > 0) lines.push('', ...describeProblems(plan.problems).map(safeLine));
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}
