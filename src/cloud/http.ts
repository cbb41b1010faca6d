// The one place lsec talks HTTP to Lightning: a timeout on every request, a few
// retries where repeating is harmless, and errors that say what to do.

import { setTimeout as sleep } from 'node:timers/promises';
import { safeLine } from '../lib/safe-text.js';
import {
  CloudError,
  type CloudFailure,
  networkReason,
  redact,
  seconds,
  serverText,
  statusHint,
} from './cloud-error.js';
import type { Credentials } from './credentials.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ClientOptions {
  /** Per request, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /** Attempts for a GET, PUT or DELETE; a POST is always tried once. Default 3. */
  tries?: number;
  /** The first retry waits this long, each next one twice as long. Default 200 ms. */
  backoffMs?: number;
}

const RETRY_AFTER_MAX_MS = 5_000;
/** No answer of the secrets API comes near this; a larger one is not read at all. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

class TooLarge extends Error {}

/** The body as text, refusing past `max` bytes without buffering the rest. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface Failure {
  failure: CloudFailure;
  message: string;
  status?: number;
  hint?: string;
  retryAfterMs?: number;
  /** The request may have reached the server and taken effect. */
  maybeApplied?: boolean;
}

/** Base URL, credentials and request policy; every cloud call goes through `request`. */
export class CloudClient {
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  readonly tries: number;
  readonly backoffMs: number;
  /**
   * The values sent since the last forgetSent(): a later answer may echo an earlier
   * one. A push forgets them when it ends, so none outlives it (a TUI keeps its client
   * across auto-locks).
   */
  readonly #sent = new Set<string>();

  constructor(baseUrl: string, credentials: Credentials, options: ClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.credentials = credentials;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.tries = Math.max(1, options.tries ?? 3);
    this.backoffMs = options.backoffMs ?? 200;
  }

  /** Drops the values sent so far from memory (a push calls it when it ends). */
  forgetSent(): void {
    this.#sent.clear();
  }

  /** What no error text may show: the credentials and the values sent. */
  #hidden(): string[] {
    return [...this.credentials.secrets(), ...this.#sent];
  }

  /** The full address of `path`, for messages. */
  urlOf(path: string): string {
    return safeLine(`${this.baseUrl}${path}`);
  }

  get(path: string): Promise<unknown> {
    return this.request('GET', path);
  }
  post(path: string, body: object): Promise<unknown> {
    return this.request('POST', path, body);
  }
  put(path: string, body: object): Promise<unknown> {
    return this.request('PUT', path, body);
  }
  delete(path: string): Promise<unknown> {
    return this.request('DELETE', path);
  }

  /**
   * Sends one request and returns the parsed JSON answer. Throws CloudError. A body's
   * `value` field is treated as a secret: it is hidden from any error text, like the
   * credentials (redact covers every form an answer could echo them in).
   */
  async request(method: Method, path: string, body?: object): Promise<unknown> {
    const value = (body as { value?: unknown } | undefined)?.value;
    if (typeof value === 'string') this.#sent.add(value);
    // A POST that reached the server may have taken effect; repeating it could
    // create a duplicate, so only idempotent methods are retried.
    const tries = method === 'POST' ? 1 : this.tries;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#once(method, path, body);
      if (!('failure' in outcome)) return outcome.data;
      // A timeout is not retried: a cloud silent for 15 s rarely answers the next
      // try, and three tries would keep the user waiting 45 s.
      const retryable =
        outcome.failure === 'network' ||
        (outcome.status !== undefined && (outcome.status === 429 || outcome.status >= 500));
      if (!retryable || attempt >= tries) throw toError(outcome, attempt, method);
      const backoff = this.backoffMs * 2 ** (attempt - 1);
      await sleep(Math.max(backoff, outcome.retryAfterMs ?? 0));
    }
  }

  async #once(
    method: Method,
    path: string,
    body: object | undefined,
  ): Promise<{ data: unknown } | Failure> {
    const url = `${this.baseUrl}${path}`;
    const what = `${method} ${safeLine(path)}`;
    const headers: Record<string, string> = {
      Authorization: this.credentials.authorization(),
      Accept: 'application/json',
      'User-Agent': 'lsec',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let status: number;
    let text: string;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // Following a redirect would send the Authorization header to wherever it points.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      text = await readCapped(response, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) {
        return {
          failure: 'response',
          message: `the cloud answered ${what} with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; lsec reads no answer that large`,
          hint: 'check that LIGHTNING_CLOUD_URL points at the Lightning API',
        };
      }
      if ((error as Error | undefined)?.name === 'TimeoutError') {
        return {
          failure: 'timeout',
          message: `the cloud did not answer within ${seconds(this.timeoutMs)} (${what})`,
          hint: `check your network and LIGHTNING_CLOUD_URL (now ${safeLine(this.baseUrl)}), then try again`,
          maybeApplied: true,
        };
      }
      const reason = networkReason(error);
      return {
        failure: 'network',
        message: `could not reach the Lightning cloud at ${safeLine(this.baseUrl)}: ${reason}`,
        hint: 'check LIGHTNING_CLOUD_URL and your network connection',
        maybeApplied: reason !== 'connection refused' && reason !== 'host not found',
      };
    }
    if (status >= 200 && status < 300) return parseAnswer(text, `${method} ${this.urlOf(path)}`);
    // Built only for an answer that is not a success: a push of thousands of values
    // would otherwise copy them all for every request.
    const hidden = this.#hidden();
    if (status >= 300 && status < 400) {
      const location = safeLine(redact(response.headers.get('location') ?? '', hidden));
      return {
        failure: 'http',
        status,
        message: `the cloud answered ${what} with a redirect (HTTP ${status}) to ${location.slice(0, 200) || 'nowhere'}`,
        hint: 'set LIGHTNING_CLOUD_URL to the address of the Lightning API itself',
      };
    }
    const server = serverText(text, hidden);
    const reason = safeLine(redact(response.statusText, hidden)).slice(0, 100);
    const statusText = reason ? ` ${reason}` : '';
    return {
      failure: 'http',
      status,
      message: `the cloud refused ${what}: HTTP ${status}${statusText}${server ? `: ${server}` : ''}`,
      hint: statusHint(status, this.credentials.source),
      retryAfterMs: retryAfter(response.headers.get('retry-after')),
      maybeApplied: status >= 500,
    };
  }
}

function parseAnswer(text: string, what: string): { data: unknown } | Failure {
  if (text.trim() === '') return { data: {} };
  try {
    return { data: JSON.parse(text) };
  } catch {
    return {
      failure: 'response',
      message: `the cloud answered ${what} with something that is not JSON`,
      hint: 'check that LIGHTNING_CLOUD_URL points at the Lightning API',
    };
  }
}

function toError(outcome: Failure, attempts: number, method: Method): CloudError {
  const message = attempts > 1 ? `${outcome.message} (after ${attempts} tries)` : outcome.message;
  let hint = outcome.hint;
  if (method === 'POST' && outcome.maybeApplied) {
    const note =
      'a create is never repeated automatically: it may have taken effect, so check what the cloud holds before trying again';
    hint = hint ? `${hint}; ${note}` : note;
  }
  return new CloudError(message, outcome.failure, outcome.status, hint);
}

function retryAfter(header: string | null): number | undefined {
  const secondsValue = header === null ? Number.NaN : Number(header);
  if (!Number.isFinite(secondsValue) || secondsValue < 0) return undefined;
  return Math.min(secondsValue * 1000, RETRY_AFTER_MAX_MS);
}
