// What every command gets: parsed arguments, streams, and the shared ways to obtain a
// passphrase, a value and an unlocked vault.
import type { ParsedArgs } from '../lib/argv.js';
import { LockedError, UsageError } from '../lib/errors.js';
import { readRegularFile } from '../lib/fs.js';
import { note } from '../lib/messages.js';
import { lsecHome } from '../lib/paths.js';
import { confirm, hiddenPrompt } from '../lib/prompt.js';
import { safeLine } from '../lib/safe-text.js';
import { readValueFromStream } from '../lib/stdin.js';
import { checkNewPassphrase } from '../store/vault-rules.js';

export interface Ctx {
  args: ParsedArgs;
  home: string;
  env: NodeJS.ProcessEnv;
  /** LSEC_PASSPHRASE as read once at start (already removed from process.env). */
  envPassphrase: string | undefined;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  out(text: string): void;
  /** A message line on stderr, sanitized. */
  note(text: string): void;
}

export function makeCtx(args: ParsedArgs, envPassphrase: string | undefined): Ctx {
  return {
    args,
    home: lsecHome(),
    env: process.env,
    envPassphrase,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (text) => process.stdout.write(text),
    note,
  };
}

export function flag(ctx: Ctx, name: string): string | undefined {
  const v = ctx.args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function hasFlag(ctx: Ctx, name: string): boolean {
  return ctx.args.flags[name] === true;
}

/** A passphrase file holds one line; anything this big is the wrong file. */
const PASSPHRASE_FILE_LIMIT = 64 * 1024;

/** The first line of a passphrase file, without its newline. Empty is a wrong
 * passphrase (exit 3) for a vault, but a too-short one (exit 2) for a new passphrase. */
function readPassphraseFile(path: string, flagName: string, isNew = false): string {
  const bytes = readRegularFile(path, `--${flagName}`, PASSPHRASE_FILE_LIMIT);
  const text = bytes.toString('utf8');
  bytes.fill(0);
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') {
    const Err = isNew ? UsageError : LockedError;
    throw new Err(
      `--${flagName} ${path} holds an empty first line`,
      'put the passphrase on the first line of that file',
    );
  }
  return line;
}

const noPassphrase = () =>
  new LockedError(
    'no passphrase: not a terminal, and neither LSEC_PASSPHRASE nor --passphrase-file is set',
    'set LSEC_PASSPHRASE or pass --passphrase-file PATH',
  );

/** The passphrase of an existing vault. */
export async function currentPassphrase(ctx: Ctx): Promise<string> {
  const file = flag(ctx, 'passphrase-file');
  if (file !== undefined) return readPassphraseFile(file, 'passphrase-file');
  if (ctx.envPassphrase !== undefined) {
    if (ctx.envPassphrase === '') {
      throw new LockedError(
        'LSEC_PASSPHRASE is empty',
        'set it to the vault passphrase, or unset it to be asked on a terminal',
      );
    }
    return ctx.envPassphrase;
  }
  if (!ctx.stdinIsTTY) throw noPassphrase();
  const p = await hiddenPrompt('Passphrase: ');
  if (p === '') throw new LockedError('empty passphrase', 'type the vault passphrase');
  return p;
}

/** A new passphrase: from the file/env source given, else asked twice on the terminal. */
export async function newPassphrase(
  ctx: Ctx,
  source: { file?: string; fileFlag: string; useEnv: boolean },
): Promise<string> {
  let pass: string | undefined;
  if (source.file !== undefined) pass = readPassphraseFile(source.file, source.fileFlag, true);
  else if (source.useEnv && ctx.envPassphrase !== undefined) pass = ctx.envPassphrase;
  if (pass !== undefined) {
    checkNewPassphrase(pass);
    return pass;
  }
  if (!ctx.stdinIsTTY) {
    throw new LockedError(
      'no new passphrase: not a terminal',
      source.useEnv
        ? 'set LSEC_PASSPHRASE or pass --passphrase-file PATH'
        : `pass --${source.fileFlag} PATH`,
    );
  }
  for (;;) {
    const first = await hiddenPrompt('New passphrase (at least 8 characters): ');
    try {
      checkNewPassphrase(first);
    } catch (error) {
      ctx.note((error as Error).message);
      continue;
    }
    const second = await hiddenPrompt('Repeat the passphrase: ');
    if (first === second) return first;
    ctx.note('the passphrases do not match; try again');
  }
}

/** A secret value: a hidden prompt on a terminal, else stdin. Never argv. */
export async function readSecretValue(ctx: Ctx, name: string): Promise<string> {
  if (ctx.stdinIsTTY) {
    return hiddenPrompt(`Value for ${safeLine(name)} (hidden; Enter to finish): `);
  }
  note('reading the value from stdin (end with Ctrl-D)…');
  return readValueFromStream(process.stdin);
}

export async function confirmOnTerminal(ctx: Ctx, question: string): Promise<boolean> {
  if (!ctx.stdinIsTTY) return false;
  return confirm(safeLine(question));
}
