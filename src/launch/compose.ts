// The launch argv (DESIGN §5) and its one-line shell form for --dry-run and `show`.
// Only names reach argv: secret values travel in the child's environment (local)
// or stay in the cloud, so the printed command is safe to share.

import { quote } from 'shell-quote';
import { UsageError } from '../lib/errors.js';
import type { Profile } from '../store/project-schema.js';
import type { Origin } from './argv-parse.js';

export interface ComposeOptions {
  /** `deployment` only: `update` when the deployment exists, else `create`. */
  deployment?: 'create' | 'update';
  /** argv[0]: the launcher as it should appear (see launcher.ts). */
  bin: string;
  /** Run on this machine: no --cloud and no --secret (Lightning refuses it locally). */
  local?: boolean;
  /** Passed through after everything else (`lsec launch -- EXTRA...`). */
  extra?: string[];
}

/** Cloud unless the profile says `cloud: false` or the caller asks for a local run. */
export function isCloud(profile: Profile, local?: boolean): boolean {
  // A deployment always runs in the cloud; asking for it locally is a pre-flight problem.
  if (profile.target === 'deployment') return true;
  return profile.cloud !== false && !local;
}

/** The words of a launch and where each came from, for the argv check. */
export interface Composed {
  argv: string[];
  origins: Origin[];
}

/**
 * `[BIN, "run", "app", APP, "--cloud"?, "--name" N?, ...args, ("--env", "K=V")...,
 * ("--secret", "ENV=name")..., ...EXTRA]` in the profile's order; for a deployment
 * `[BIN, "deployment", "create"|"update", NAME, ...args, --env..., --secret..., ...EXTRA]`.
 */
export function composeArgv(profile: Profile, options: ComposeOptions): string[] {
  return compose(profile, options).argv;
}

export function compose(profile: Profile, options: ComposeOptions): Composed {
  const argv: string[] = [options.bin];
  const origins: Origin[] = ['lsec'];
  const add = (origin: Origin, ...words: string[]) => {
    argv.push(...words);
    for (const _ of words) origins.push(origin);
  };
  if (profile.target === 'deployment') {
    const name = profile.name;
    if (name === undefined || name === '') {
      throw new UsageError('a deployment needs a name', 'set "name" in the profile (.lsec.json)');
    }
    if (name.startsWith('-')) throw new UsageError(`the deployment name ${name} starts with "-"`);
    add('lsec', 'deployment', options.deployment ?? 'create', name);
    add('args', ...(profile.args ?? []));
    for (const [key, value] of Object.entries(profile.env)) add('lsec', '--env', `${key}=${value}`);
    // `--secret NAME` alone injects NAME under its own name (lightning-today.md §c).
    for (const [env, secret] of Object.entries(profile.secrets)) {
      add('lsec', '--secret', env === secret ? secret : `${env}=${secret}`);
    }
    add('extra', ...(options.extra ?? []));
    return { argv, origins };
  }
  const app = profile.app;
  if (app === undefined || app === '') {
    throw new UsageError('no app is set for this profile', 'name it: lsec launch APP');
  }
  // Pre-flight reports these; refusing here too keeps a skipped check from turning
  // a file name into an option of Lightning's CLI (CWE-88).
  if (app.startsWith('-')) throw new UsageError(`the app path ${app} starts with "-"`);
  if (profile.name?.startsWith('-')) {
    throw new UsageError(`the app name ${profile.name} starts with "-"`);
  }
  const cloud = isCloud(profile, options.local);
  add('lsec', 'run', 'app', app);
  if (cloud) add('lsec', '--cloud');
  if (profile.name) add('lsec', '--name', profile.name);
  add('args', ...(profile.args ?? []));
  for (const [key, value] of Object.entries(profile.env)) add('lsec', '--env', `${key}=${value}`);
  if (cloud) {
    for (const [env, secret] of Object.entries(profile.secrets)) {
      add('lsec', '--secret', `${env}=${secret}`);
    }
  }
  add('extra', ...(options.extra ?? []));
  return { argv, origins };
}

// Words made only of these need no quoting in bash. "=" is left out of the first
// word, where `A=b` would be read as an assignment; "~" is never here because bash
// expands it after "=" even in arguments.
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+,=-]+$/;
const PLAIN_FIRST_WORD = /^[A-Za-z0-9_./:@%+,-]+$/;
// Control, line-breaking, bidi and zero-width characters: printed raw they would
// break the line or hide text on the terminal, so such words use $'...' escapes.
const UNPRINTABLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * The argv as one line that bash turns back into the same argv. Plain words stay
 * bare so the docs' command reads as written; the rest goes through shell-quote,
 * except words with unprintable characters, which become $'...' with \xHH bytes.
 */
export function formatCommand(argv: readonly string[]): string {
  return formatWords(argv).join(' ');
}

/** Each word of the argv as formatCommand writes it (for wrapping between words). */
export function formatWords(argv: readonly string[]): string[] {
  return argv.map((word, i) => {
    if ((i === 0 ? PLAIN_FIRST_WORD : PLAIN_WORD).test(word)) return word;
    if (UNPRINTABLE.test(word)) return ansiQuote(word);
    return quote([word]);
  });
}

function ansiQuote(word: string): string {
  let out = "$'";
  for (const ch of word) {
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    // "!" is escaped so an interactive shell's history expansion cannot touch it.
    else if (ch === '!' || UNPRINTABLE.test(ch)) out += hexBytes(ch);
    else out += ch;
  }
  return `${out}'`;
}

/** UTF-8 bytes as \xHH: unlike \uHHHH, bash decodes these the same in every locale. */
function hexBytes(ch: string): string {
  return [...Buffer.from(ch, 'utf8')]
    .map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`)
    .join('');
}
