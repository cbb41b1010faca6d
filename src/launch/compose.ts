// The launch argv (DESIGN §5) and its one-line shell form for --dry-run and `show`.
// Only names reach argv: secret values travel in the child's environment (local)
// or stay in the cloud, so the printed command is safe to share.

import { quote } from 'shell-quote';
import { UsageError } from '../lib/errors.js';
import type { Profile } from '../store/project-schema.js';

export interface ComposeOptions {
  /** argv[0]: the launcher as it should appear (see launcher.ts). */
  bin: string;
  /** Run on this machine: no --cloud and no --secret (Lightning refuses it locally). */
  local?: boolean;
  /** Passed through after everything else (`lsec launch -- EXTRA...`). */
  extra?: string[];
}

/** Cloud unless the profile says `cloud: false` or the caller asks for a local run. */
export function isCloud(profile: Profile, local?: boolean): boolean {
  return profile.cloud !== false && !local;
}

/**
 * `[BIN, "run", "app", APP, "--cloud"?, "--name" N?, ...args, ("--env", "K=V")...,
 * ("--secret", "ENV=name")..., ...EXTRA]` in the profile's order.
 */
export function composeArgv(profile: Profile, options: ComposeOptions): string[] {
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
  const argv = [options.bin, 'run', 'app', app];
  if (cloud) argv.push('--cloud');
  if (profile.name) argv.push('--name', profile.name);
  argv.push(...(profile.args ?? []));
  for (const [key, value] of Object.entries(profile.env)) argv.push('--env', `${key}=${value}`);
  if (cloud) {
    for (const [env, secret] of Object.entries(profile.secrets)) {
      argv.push('--secret', `${env}=${secret}`);
    }
  }
  argv.push(...(options.extra ?? []));
  return argv;
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
  return argv
    .map((word, i) => {
      if ((i === 0 ? PLAIN_FIRST_WORD : PLAIN_WORD).test(word)) return word;
      if (UNPRINTABLE.test(word)) return ansiQuote(word);
      return quote([word]);
    })
    .join(' ');
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
