import { UsageError } from '../lib/errors.js';
import { secretNameProblem } from '../store/names.js';
import { checkValue } from '../store/vault-rules.js';
import { type Ctx, readSecretValue } from './context.js';
import { openVault } from './open-vault.js';

/** `add` and `set`: validate the name first, unlock, then read the value. */
export async function writeSecret(ctx: Ctx, mode: 'add' | 'set'): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const problem = secretNameProblem(name);
  if (problem) throw new UsageError(`invalid secret name "${name}": ${problem}`);
  const vault = await openVault(ctx);
  try {
    if (mode === 'add' && vault.has(name)) {
      throw new UsageError(
        `a secret named ${name} already exists`,
        `replace its value with: lsec set ${name}`,
      );
    }
    const value = await readSecretValue(ctx, name);
    checkValue(value);
    const existed = vault.has(name);
    await vault.write([[name, value]], mode);
    ctx.note(`${existed ? 'updated' : 'added'} ${name}`);
    return 0;
  } finally {
    vault.lock();
  }
}
