// Checking the shape of a 200 answer. A captive portal, a proxy or a wrong
// LIGHTNING_CLOUD_URL can answer 200 with anything; read loosely, `"captive portal"`
// or `{"items": [...]}` would mean "no secrets" and a launch check would pass on a
// cloud it never asked. Any other shape is an error naming the URL.

import { safeLine } from '../lib/safe-text.js';
import { CloudError } from './cloud-error.js';

const HINT = 'check that LIGHTNING_CLOUD_URL points at the Lightning API (no proxy or login page)';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function unexpected(url: string, what: string): CloudError {
  return new CloudError(
    `the cloud at ${safeLine(url)} answered with ${what}`,
    'response',
    undefined,
    HINT,
  );
}

/** The answer as an object; anything else (a string, a number, a list, null) throws. */
export function expectObject(answer: unknown, url: string): Record<string, unknown> {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw unexpected(url, `${describe(answer)} where an object was expected`);
  }
  return answer as Record<string, unknown>;
}

/**
 * `answer[field]` as a list. Protobuf JSON leaves an empty list out, so a missing
 * field means "none", but only when nothing else in the answer looks like a list:
 * `{"items": [...]}` is some other API, not an empty one.
 */
export function expectList(answer: unknown, field: string, url: string): unknown[] {
  const record = expectObject(answer, url);
  const list = record[field];
  if (Array.isArray(list)) return list;
  if (list !== undefined && list !== null) {
    throw unexpected(url, `"${field}" as ${describe(list)} where a list was expected`);
  }
  const other = Object.keys(record).find((k) => {
    const v = record[k];
    return typeof v === 'object' && v !== null;
  });
  if (other !== undefined) {
    throw unexpected(url, `no "${field}" list (it has "${safeLine(other.slice(0, 40))}" instead)`);
  }
  return [];
}
