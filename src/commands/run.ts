import { childEnv } from '../launch/child-env.js';
import { describeProblems } from '../launch/plan.js';
import { envProblems } from '../launch/preflight.js';
import { runChild } from '../launch/spawn.js';
import { count } from '../lib/count.js';
import { UsageError } from '../lib/errors.js';
import { lines } from '../lib/messages.js';
import type { Ctx } from './context.js';
import { openVault } from './open-vault.js';
import { openProject } from './project-ctx.js';

export async function run(ctx: Ctx): Promise<number> {
  const p = openProject(ctx);
  // The same name checks as a launch, before the vault is opened.
  const problems = envProblems(p.profile);
  if (problems.length > 0) {
    lines(describeProblems(problems));
    throw new UsageError(
      `${count(problems.length, 'problem')} in profile ${p.profileName}: nothing was run`,
      'fix them in .lsec.json (lsec show lists them too)',
    );
  }
  const [cmd, ...args] = ctx.args.rest;
  const values = new Map<string, string>();
  const mapped = Object.entries(p.profile.secrets);
  if (mapped.length > 0) {
    const vault = await openVault(ctx);
    try {
      const missing = mapped.filter(([, s]) => !vault.has(s)).map(([e, s]) => `${e} <- ${s}`);
      if (missing.length > 0) {
        throw new UsageError(
          `mapped secrets missing from the vault: ${missing.join(', ')}`,
          'add them with lsec add NAME, or lsec unmap ENV',
        );
      }
      for (const [envName, secret] of mapped) values.set(envName, vault.reveal(secret));
    } finally {
      vault.lock();
    }
  }
  const env = childEnv({ parent: process.env, plain: p.profile.env, values, local: true });
  return runChild(cmd!, args, env, process.cwd());
}
