// Where the Lightning credentials come from (reference/lightning.md §6). The
// environment wins over the file, as in Lightning's newer SDK: a CI job that sets
// both variables must not be overridden by a stale file on the runner.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { RuntimeError, UsageError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';

export const DEFAULT_CLOUD_URL = 'https://lightning.ai';
const FILE_HINT = 'it must be JSON like {"user_id": "...", "api_key": "..."}';

/**
 * A user id and API key. The key lives in a private field so that logging,
 * util.inspect or JSON.stringify of this object can never print it.
 */
export class Credentials {
  readonly userId: string;
  /** `environment` or the credentials file's path, for messages. */
  readonly source: string;
  readonly #apiKey: string;

  constructor(userId: string, apiKey: string, source: string) {
    this.userId = userId;
    this.#apiKey = apiKey;
    this.source = source;
  }

  /** The `Authorization` header value: Basic base64(user_id:api_key). */
  authorization(): string {
    return `Basic ${Buffer.from(`${this.userId}:${this.#apiKey}`).toString('base64')}`;
  }

  /** Strings that must never be printed, for redacting server-provided text. */
  secrets(): string[] {
    const header = this.authorization();
    return [this.#apiKey, header, header.slice('Basic '.length)];
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
 * skips cloud checks). A half-set environment or a malformed file is an error rather
 * than a silent fallback, so lsec never talks to the cloud as someone unexpected.
 */
export function loadCredentials(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const userId = nonEmpty(env.LIGHTNING_USER_ID);
  const apiKey = nonEmpty(env.LIGHTNING_API_KEY);
  if (userId && apiKey) return new Credentials(userId, apiKey, 'environment');
  if (userId || apiKey) {
    const missing = userId ? 'LIGHTNING_API_KEY' : 'LIGHTNING_USER_ID';
    throw new UsageError(
      `${missing} is not set: both LIGHTNING_USER_ID and LIGHTNING_API_KEY are needed`,
      'set both, or unset both to use ~/.lightning/credentials.json',
    );
  }
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
  const userId = typeof record.user_id === 'string' ? nonEmpty(record.user_id) : undefined;
  const apiKey = typeof record.api_key === 'string' ? nonEmpty(record.api_key) : undefined;
  if (!userId || !apiKey) {
    throw new UsageError(
      `the Lightning credentials file ${shown} lacks "user_id" or "api_key"`,
      FILE_HINT,
    );
  }
  return new Credentials(userId, apiKey, path);
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
