import { UsageError } from '../lib/errors.js';
import { vaultFile } from '../lib/paths.js';
import { Vault } from '../store/vault.js';
import { readVault, vaultExists, vaultPathTaken } from '../store/vault-file.js';
import { iterationsFrom } from '../store/vault-format.js';
import { type Ctx, flag, newPassphrase } from './context.js';

export async function run(ctx: Ctx): Promise<number> {
  const path = vaultFile(ctx.home);
  // Something that is not a file at the path: readVault reports what it is.
  if (!vaultExists(ctx.home) && vaultPathTaken(ctx.home)) readVault(ctx.home);
  if (vaultExists(ctx.home)) {
    throw new UsageError(
      `a vault already exists at ${path}`,
      'nothing was changed; use lsec passwd to change its passphrase',
    );
  }
  // LSEC_ITERATIONS lets tests and slow machines choose within the allowed range.
  const iterations = iterationsFrom(ctx.env.LSEC_ITERATIONS);
  const passphrase = await newPassphrase(ctx, {
    file: flag(ctx, 'passphrase-file'),
    fileFlag: 'passphrase-file',
    useEnv: true,
  });
  const vault = await Vault.create(ctx.home, passphrase, { iterations });
  vault.lock();
  ctx.note(`created the vault at ${path}`);
  return 0;
}
