// Where the Lightning credentials come from (reference/lightning-today.md §e). The
// environment wins over the file, as in Lightning's SDK: a CI job that sets the
// variables must not be overridden by a stale file on the runner.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { RuntimeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';

export const DEFAULT_CLOUD_URL = 'https://lightning.ai';
const FILE_HINT =
  'it must be JSON like {"user_id": "...", "api_key": "..."} or {"auth_token": "..."}';

/** How the `Authorization` header is made (SDK lightning_cloud/login.py:157-165). */
export type AuthForm = 'token' | 'basic' | 'key';

/**
 * What authenticates lsec: a token (Bearer), a user id and API key (Basic), or an API
 * key alone (Bearer). The key and token live in private fields so that logging,
 * util.inspect or JSON.stringify of this object can never print them.
 */
export class Credentials {
  readonly userId: string;
  /** `environment` or the credentials file's path, for messages. */
  readonly source: string;
  readonly form: AuthForm;
  readonly #apiKey: string;
  readonly #token: string;

  constructor(userId: string, apiKey: string, source: string, token = '') {
    this.userId = userId;
    this.#apiKey = apiKey;
    this.#token = token;
    this.source = source;
    this.form = token ? 'token' : userId && apiKey ? 'basic' : 'key';
  }

  /** The `Authorization` header value. */
  authorization(): string {
    if (this.form === 'token') return `Bearer ${this.#token}`;
    if (this.form === 'key') return `Bearer ${this.#apiKey}`;
    return `Basic ${Buffer.from(`${this.userId}:${this.#apiKey}`).toString('base64')}`;
  }

  /** Strings that must never be printed: the key, the token, the header and its parts. */
  secrets(): string[] {
    const header = this.authorization();
    const basic = `${this.userId}:${this.#apiKey}`;
    return [this.#apiKey, this.#token, header, header.replace(/^\S+ /, ''), basic].filter(
      (s) => s !== '' && s !== ':',
    );
  }
}

/** The credentials file: LIGHTNING_CREDENTIAL_PATH, else $LIGHTNING_DIR/credentials.json. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = nonEmpty(env.LIGHTNING_CREDENTIAL_PATH);
  if (explicit) return resolve(explicit);
  const dir = nonEmpty(env.LIGHTNING_DIR) ?? join(nonEmpty(env.HOME) ?? homedir(), '.lightning');
  return join(resolve(dir), 'credentials.json');
}

/**
 * The credentials to use, or undefined when there are none at all (the caller then
 * skips cloud checks). As the SDK: the environment wins (LIGHTNING_AUTH_TOKEN, else
 * LIGHTNING_API_KEY with or without LIGHTNING_USER_ID); the file is read only when
 * the environment has neither a key nor a token. A malformed file is an error rather
 * than a silent fallback, so lsec never talks to the cloud as someone unexpected.
 */
export function loadCredentials(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const token = nonEmpty(env.LIGHTNING_AUTH_TOKEN);
  const apiKey = nonEmpty(env.LIGHTNING_API_KEY);
  const userId = nonEmpty(env.LIGHTNING_USER_ID) ?? '';
  if (token || apiKey) return new Credentials(userId, apiKey ?? '', 'environment', token);
  return readCredentialsFile(credentialsPath(env));
}

function readCredentialsFile(path: string): Credentials | undefined {
  const shown = safeLine(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new RuntimeError(`cannot read the Lightning credentials file ${shown} (${code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's message quotes the file, which holds the key: never pass it on.
    throw new UsageError(`the Lightning credentials file ${shown} is not valid JSON`, FILE_HINT);
  }
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const field = (key: string) =>
    typeof record[key] === 'string' ? nonEmpty(record[key] as string) : undefined;
  const token = field('auth_token');
  const apiKey = field('api_key');
  if (!token && !apiKey) {
    throw new UsageError(
      `the Lightning credentials file ${shown} has neither "api_key" nor "auth_token"`,
      FILE_HINT,
    );
  }
  return new Credentials(field('user_id') ?? '', apiKey ?? '', path, token);
}

/** Hosts that plain http may reach: this machine only. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The API's base URL, without a trailing slash. */
export function cloudUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = nonEmpty(env.LIGHTNING_CLOUD_URL) ?? DEFAULT_CLOUD_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`LIGHTNING_CLOUD_URL is not a valid URL: ${safeLine(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`LIGHTNING_CLOUD_URL must start with https:// (${safeLine(raw)})`);
  }
  // Plain http would send the key and every pushed value readable on the network;
  // only this machine (a local stand-in or tunnel) may be reached without TLS.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new UsageError(
      `LIGHTNING_CLOUD_URL uses plain http to ${safeLine(url.host)}: credentials and values would travel unencrypted`,
      'use https://, or http:// only to localhost, 127.0.0.0/8 or [::1]',
    );
  }
  if (url.username || url.password) {
    // Basic auth in the URL would compete with our header and end up in messages.
    throw new UsageError('LIGHTNING_CLOUD_URL must not hold a user name or password');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
