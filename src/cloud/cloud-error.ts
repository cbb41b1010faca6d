// Turning a failed request into one safe, useful message. Server text is untrusted:
// it is redacted (a server may echo what we sent), made printable and shortened.

import { RuntimeError } from '../lib/errors.js';
import { safeLine } from '../lib/safe-text.js';

export type CloudFailure = 'http' | 'timeout' | 'network' | 'response';

export const CREDENTIALS_HINT =
  'check LIGHTNING_USER_ID / LIGHTNING_API_KEY or ~/.lightning/credentials.json';
const SERVER_TEXT_MAX = 300;

/** A request that failed; `status` is set when the cloud answered with an HTTP error. */
export class CloudError extends RuntimeError {
  readonly failure: CloudFailure;
  readonly status: number | undefined;
  constructor(message: string, failure: CloudFailure, status?: number, hint?: string) {
    super(message, hint);
    this.failure = failure;
    this.status = status;
  }

  /**
   * True when every following request would fail the same way (bad credentials, no
   * connection, no answer), so a batch should stop instead of repeating it N times.
   */
  get affectsAll(): boolean {
    return (
      this.failure === 'timeout' ||
      this.failure === 'network' ||
      this.status === 401 ||
      this.status === 403
    );
  }
}

/**
 * Every form in which a server could echo a sensitive string back: as sent, JSON-
 * escaped (a value with a quote or a newline inside a JSON body), base64 and
 * base64url (an echoed header or body), URL-encoded, and UTF-8 read as Latin-1 (how
 * an HTTP reason phrase is decoded).
 */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
    bytes.toString('latin1'),
  ];
}

/**
 * The one redaction of untrusted text (reason phrase, body, redirect target): every
 * form of every hidden string becomes `[hidden]`. Longest first, so a header is
 * hidden whole before the key inside it. Empty strings are ignored.
 */
export function redact(text: string, hidden: readonly string[]): string {
  const all = [...new Set(hidden.filter((h) => h !== '').flatMap(forms))]
    .filter((f) => f !== '')
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of all) out = out.split(form).join('[hidden]');
  return out;
}

/** `message (details)` from a JSON error body, or '' when the body has neither. */
export function serverText(body: string, hidden: readonly string[]): string {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return ''; // An HTML error page from a proxy says nothing useful in one line.
  }
  if (typeof data !== 'object' || data === null) return '';
  const { message, details } = data as { message?: unknown; details?: unknown };
  const parts: string[] = [];
  if (typeof message === 'string' && message.trim() !== '') parts.push(message.trim());
  const detailText = describeDetails(details);
  if (detailText) parts.push(`(${detailText})`);
  // Redact before sanitizing: sanitizing changes control characters and a value
  // holding one would no longer match.
  const line = safeLine(redact(parts.join(' '), hidden));
  return line.length > SERVER_TEXT_MAX ? `${line.slice(0, SERVER_TEXT_MAX)}…` : line;
}

// grpc-gateway sends `details` as an array of objects; older servers send a string.
function describeDetails(details: unknown): string {
  if (typeof details === 'string') return details.trim();
  if (Array.isArray(details) && details.length === 0) return '';
  if (details === undefined || details === null) return '';
  return JSON.stringify(details);
}

/** What to do about an HTTP status, or undefined when there is nothing general to say. */
export function statusHint(status: number, credentialsSource: string): string | undefined {
  if (status === 401 || status === 403) {
    const from = credentialsSource === 'environment' ? 'the environment' : credentialsSource;
    return `${CREDENTIALS_HINT} (these credentials came from ${safeLine(from)})`;
  }
  if (status === 429) return 'the cloud is limiting requests; wait a minute and try again';
  if (status >= 500) return 'the cloud had a problem; try again later';
  return undefined;
}

/** A readable reason for a fetch that threw before any answer arrived. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause as
    | { code?: unknown; errors?: { code?: unknown }[] }
    | undefined;
  // Node's happy-eyeballs connect wraps one error per address in an AggregateError.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    default:
      return typeof code === 'string' ? safeLine(code) : 'network error';
  }
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
