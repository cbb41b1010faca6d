import { readFileSync } from 'node:fs';
import { UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';
import { readValueFromStream } from '../lib/stdin.js';
import { parseDotenv, secretNameForKey } from '../store/dotenv.js';
import { secretNameProblem } from '../store/names.js';
import { setMapping } from '../store/project.js';
import { listSecrets, vaultExists } from '../store/vault-names.js';
import { checkValue } from '../store/vault-rules.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';
import { openProject, saveProfile } from './project-ctx.js';

async function readSource(file: string): Promise<{ text: string; label: string }> {
  if (file === '-') {
    process.stderr.write('lsec: reading the .env file from stdin (end with Ctrl-D)…\n');
    // Same rules as a value: UTF-8, no NUL; no newline is stripped that matters here.
    return { text: await readValueFromStream(process.stdin, 64 * 1024 * 1024), label: 'stdin' };
  }
  try {
    const bytes = readFileSync(file);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), label: file };
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(`${file} is not UTF-8 text`);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      `cannot read ${file} (${code})`,
      'give the path of a .env file, or - for stdin',
    );
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const { text, label } = await readSource(ctx.args.positionals[0]!);
  const entries = parseDotenv(text, label);
  if (entries.length === 0)
    throw new UsageError(`${label} holds no KEY=VALUE lines`, 'nothing was imported');
  const bySecret = new Map<string, string>();
  for (const e of entries) {
    const name = secretNameForKey(e.key);
    const problem = secretNameProblem(name);
    if (problem) {
      throw new UsageError(
        `${label}:${e.line}: ${e.key} cannot become a secret name (${problem})`,
        'rename the key; nothing was imported',
      );
    }
    const other = bySecret.get(name);
    if (other) {
      throw new UsageError(
        `${label}:${e.line}: ${e.key} and ${other} would both become the secret ${name}`,
        'rename one of them; nothing was imported',
      );
    }
    bySecret.set(name, e.key);
    try {
      checkValue(e.value);
    } catch (error) {
      throw new UsageError(
        `${label}:${e.line}: ${e.key}: ${(error as Error).message}`,
        'nothing was imported',
      );
    }
  }
  const p = openProject(ctx);
  // Apply every mapping to a copy first: a conflict fails before anything is written.
  let profile = p.profile;
  for (const e of entries) profile = setMapping(profile, e.key, secretNameForKey(e.key));
  const existing = new Set(vaultExists(ctx.home) ? listSecrets(ctx.home).map((s) => s.name) : []);
  const clashes = entries.map((e) => secretNameForKey(e.key)).filter((n) => existing.has(n));
  const overwrite = hasFlag(ctx, 'overwrite');

  if (hasFlag(ctx, 'dry-run')) {
    for (const e of entries) {
      const name = secretNameForKey(e.key);
      const verb = existing.has(name) ? (overwrite ? 'replace' : 'exists ') : 'add    ';
      ctx.out(`${verb}  ${safeLine(name).padEnd(24)}  map ${safeLine(e.key)}  (line ${e.line})\n`);
    }
    ctx.note(
      `dry run: nothing was changed${clashes.length && !overwrite ? `; ${clashes.length} already exist (use --overwrite)` : ''}`,
    );
    return 0;
  }
  if (clashes.length > 0 && !overwrite) {
    throw new UsageError(
      `already in the vault: ${clashes.join(', ')}`,
      'nothing was imported; pass --overwrite to replace them',
    );
  }
  const vault = await openVault(ctx);
  try {
    await vault.write(
      entries.map((e) => [secretNameForKey(e.key), e.value]),
      overwrite ? 'set' : 'add',
    );
  } finally {
    vault.lock();
  }
  saveProfile(p, profile);
  ctx.note(
    `imported ${entries.length} secret${entries.length === 1 ? '' : 's'} from ${label} and mapped them in profile ${p.profileName} (${p.project.path})`,
  );
  return 0;
}
