import { UsageError } from '../lib/errors.js';
import { describeSpec, type GenSpec, generate } from '../lib/generate.js';
import { secretNameProblem } from '../store/names.js';
import { type Ctx, flag, hasFlag } from './context.js';
import { copyValue } from './copy-value.js';
import { openVault } from './open-vault.js';

function count(ctx: Ctx, name: string): number | undefined {
  const text = flag(ctx, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text))
    throw new UsageError(`--${name} takes a whole number, not "${text}"`);
  return Number(text);
}

/** A random value stored as NAME; printed nowhere (see it with get, or --copy). */
export async function run(ctx: Ctx): Promise<number> {
  const name = ctx.args.positionals[0]!;
  const problem = secretNameProblem(name);
  if (problem) throw new UsageError(`invalid secret name "${name}": ${problem}`);
  const spec: GenSpec = {
    length: count(ctx, 'length'),
    charset: flag(ctx, 'charset'),
    words: count(ctx, 'words'),
  };
  if (spec.words !== undefined && (spec.length !== undefined || spec.charset !== undefined)) {
    throw new UsageError(
      '--words makes a passphrase of words; it does not take --length or --charset',
    );
  }
  const { summary, bits } = describeSpec(spec);
  const replace = hasFlag(ctx, 'replace');
  const vault = await openVault(ctx);
  try {
    if (vault.has(name) && !replace) {
      throw new UsageError(
        `a secret named ${name} already exists`,
        `replace it (its value goes to the history) with: lsec gen ${name} --replace`,
      );
    }
    const existed = vault.has(name);
    await vault.write([[name, await generate(spec)]], 'set');
    ctx.note(
      `${existed ? 'replaced' : 'generated'} ${name}: ${summary} (${Math.floor(bits)} bits)`,
    );
    if (hasFlag(ctx, 'copy')) await copyValue(ctx, vault, name);
    return 0;
  } finally {
    vault.lock();
  }
}
