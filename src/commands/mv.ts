import { describeError, RuntimeError, UsageError } from '../lib/errors.js';
import { secretNameProblem } from '../store/names.js';
import { type Project, readProject } from '../store/project.js';
import { findProjectDir } from '../store/project-dir.js';
import { renameSecretInProject } from '../store/project-write.js';
import { type Ctx, flag } from './context.js';
import { noSuchSecret, openVault } from './open-vault.js';

/**
 * `lsec mv OLD NEW`: the vault entry (value, history, trashed copies) is sealed again
 * under NEW, then every mapping to OLD in the project file, in every profile, follows.
 * The cloud knows nothing of NEW yet: it reads as "not pushed" until pushed.
 */
export async function run(ctx: Ctx): Promise<number> {
  const [from, to] = ctx.args.positionals as [string, string];
  const problem = secretNameProblem(to);
  if (problem) throw new UsageError(`invalid secret name "${to}": ${problem}`);
  if (from === to) throw new UsageError(`${from} already has that name`, 'nothing was changed');
  // Read (and so check) the project file before the vault changes: a malformed file
  // is refused here, with nothing written anywhere.
  const dir = findProjectDir(process.cwd(), flag(ctx, 'dir'));
  const project = readProject(dir);
  const vault = await openVault(ctx);
  let wasPushed: boolean;
  try {
    if (!vault.has(from)) throw noSuchSecret(vault, from);
    wasPushed = vault.pushedFingerprint(from) !== undefined;
    await vault.rename(from, to);
  } finally {
    vault.lock();
  }
  ctx.note(`renamed ${from} to ${to}`);
  const mapped = project.exists ? followRename(project, dir, from, to) : 0;
  if (project.exists) {
    ctx.note(
      mapped === 0
        ? `no mapping in ${project.path} used ${from}`
        : `${mapped} mapping${mapped === 1 ? '' : 's'} in ${project.path} now use${mapped === 1 ? 's' : ''} ${to}`,
    );
  }
  if (wasPushed) {
    ctx.note(
      `the cloud has ${from}, not ${to}: push it with: lsec push ${to} (and remove the old one with: lsec remote rm ${from}, if nothing else uses it)`,
    );
  }
  return 0;
}

function followRename(project: Project, dir: string, from: string, to: string): number {
  try {
    return renameSecretInProject(dir, from, to);
  } catch (error) {
    throw new RuntimeError(
      `renamed ${from} to ${to} in the vault, but could not update ${project.path}: ${describeError(error).message}`,
      `fix the file, then point each mapping at the new name: lsec map ENV=${to}`,
    );
  }
}
