import { count } from '../lib/count.js';
import { UsageError } from '../lib/errors.js';
import { readRegularFile } from '../lib/fs.js';
import { note } from '../lib/messages.js';
import { safeLine } from '../lib/safe-text.js';
import { decodeValue, readValueFromStream } from '../lib/stdin.js';
import { parseDotenv } from '../store/dotenv.js';
import { secretNameProblem } from '../store/names.js';
import { setMapping } from '../store/project-edit.js';
import type { Profile } from '../store/project-schema.js';
import { checkProjectWritable, snapshotProject } from '../store/project-write.js';
import { vaultNames } from '../store/vault-names.js';
import { checkValue } from '../store/vault-rules.js';
import { type Ctx, hasFlag } from './context.js';
import { openVault } from './open-vault.js';
import { openProject } from './project-ctx.js';
import { saveProfile } from './project-save.js';

/** A .env file of 10,000 keys is about 1 MB; this is far above any real one. */
const IMPORT_LIMIT = 64 * 1024 * 1024;

async function readSource(file: string): Promise<{ text: string; label: string }> {
  if (file === '-') {
    note('reading the .env file from stdin (end with Ctrl-D)…');
    // Same rules as a value: UTF-8, no NUL; no newline is stripped that matters here.
    return { text: await readValueFromStream(process.stdin, IMPORT_LIMIT), label: 'stdin' };
  }
  // A FIFO or a device is refused by name; the rules are those of a value.
  return {
    text: decodeValue(readRegularFile(file, 'the .env file', IMPORT_LIMIT), file),
    label: file,
  };
}

export async function run(ctx: Ctx): Promise<number> {
  const { text, label } = await readSource(ctx.args.positionals[0]!);
  const entries = parseDotenv(text, label);
  if (entries.length === 0)
    throw new UsageError(`${label} holds no KEY=VALUE lines`, 'nothing was imported');
  // Each secret is named exactly as its key is written (DESIGN §3): one rule for every
  // name, and a valid env name is also a name today's Lightning accepts for a secret.
  // Keys are unique (the parser refuses a repeated one), so names cannot collide.
  for (const e of entries) {
    // Only a key over SECRET_NAME_MAX characters fails here.
    const problem = secretNameProblem(e.key);
    if (problem) {
      throw new UsageError(
        `${label}:${e.line}: ${e.key.length > 64 ? 'the key' : e.key} cannot be a secret name (${problem})`,
        'shorten the key; nothing was imported',
      );
    }
    try {
      checkValue(e.value);
    } catch (error) {
      throw new UsageError(
        `${label}:${e.line}: ${e.key}: ${(error as Error).message}`,
        'nothing was imported',
      );
    }
  }
  const p = openProject(ctx, { create: true });
  // Check every mapping before anything is written. setMapping on the whole profile
  // copies it, so calling it once per key was quadratic (40 s for 10,000 keys): each
  // key is checked against the plain variables alone, and the mappings go into one
  // copy with setMapping's order rule (a replaced key keeps its place, a new one goes
  // last). A Map keeps a key like __proto__ as data.
  const plainOnly: Profile = { env: p.profile.env, secrets: {} };
  const mappings = new Map(Object.entries(p.profile.secrets));
  for (const e of entries) {
    try {
      setMapping(plainOnly, e.key, e.key);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw new UsageError(
        `${label}:${e.line}: ${error.message}`,
        `${error.hint ?? 'fix it'}; nothing was imported`,
      );
    }
    mappings.set(e.key, e.key);
  }
  const profile: Profile = { ...p.profile, secrets: Object.fromEntries(mappings) };
  const existing = vaultNames(ctx.home);
  const clashes = entries.map((e) => e.key).filter((n) => existing.has(n));
  const overwrite = hasFlag(ctx, 'overwrite');

  if (hasFlag(ctx, 'dry-run')) {
    for (const e of entries) {
      const name = e.key;
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
  // All or nothing: both writes are checked before either is made. The project file
  // goes first because it can be put back byte for byte; the vault write, which
  // cannot be undone without a trace (its generation moves on), goes last, and when
  // it fails the project file is restored.
  const vault = await openVault(ctx);
  try {
    checkProjectWritable(p.dir);
    const restoreProject = snapshotProject(p.dir);
    saveProfile(p, profile);
    try {
      await vault.write(
        entries.map((e) => [e.key, e.value]),
        overwrite ? 'set' : 'add',
      );
    } catch (error) {
      restoreProject();
      throw error;
    }
  } finally {
    vault.lock();
  }
  // Said only now: had the vault write failed, the profile would have been taken back.
  if (!p.existed) ctx.note(`created profile ${p.profileName}`);
  ctx.note(
    `imported ${count(entries.length, 'secret')} from ${label} and mapped them in profile ${p.profileName} (${p.project.path})`,
  );
  return 0;
}
