import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloudUrl, credentialsPath, loadCredentials } from '../../src/cloud/credentials.js';
import { UsageError } from '../../src/lib/errors.js';

const KEY = 'file-key-SENTINEL-4242';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lsec-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('loadCredentials', () => {
  it('returns undefined when neither the environment nor a file holds credentials', () => {
    expect(loadCredentials({ HOME: dir })).toBeUndefined();
    expect(loadCredentials({ LIGHTNING_DIR: dir })).toBeUndefined();
  });

  it('prefers the environment over the file', () => {
    const path = writeFile('c.json', JSON.stringify({ user_id: 'file-user', api_key: KEY }));
    const env = {
      LIGHTNING_USER_ID: 'env-user',
      LIGHTNING_API_KEY: 'env-key',
      LIGHTNING_CREDENTIAL_PATH: path,
    };
    const creds = loadCredentials(env)!;
    expect(creds.userId).toBe('env-user');
    expect(creds.source).toBe('environment');
    expect(creds.authorization()).toBe(
      `Basic ${Buffer.from('env-user:env-key').toString('base64')}`,
    );
  });

  it('reads LIGHTNING_CREDENTIAL_PATH, then $LIGHTNING_DIR, then ~/.lightning', () => {
    const explicit = writeFile('c.json', JSON.stringify({ user_id: 'a', api_key: KEY }));
    expect(loadCredentials({ LIGHTNING_CREDENTIAL_PATH: explicit })?.source).toBe(explicit);

    writeFile('credentials.json', JSON.stringify({ user_id: 'b', api_key: KEY, username: 'x' }));
    expect(loadCredentials({ LIGHTNING_DIR: dir })?.userId).toBe('b');

    mkdirSync(join(dir, '.lightning'));
    writeFile('.lightning/credentials.json', JSON.stringify({ user_id: 'c', api_key: KEY }));
    expect(loadCredentials({ HOME: dir })?.userId).toBe('c');
    expect(credentialsPath({ HOME: dir })).toBe(join(dir, '.lightning', 'credentials.json'));
  });

  // As the SDK (lightning-today.md §e): a token wins; key + user id is Basic; a key
  // alone is Bearer; the file is read only when the environment has neither.
  it.each([
    [{ LIGHTNING_AUTH_TOKEN: 'tok', LIGHTNING_API_KEY: KEY, LIGHTNING_USER_ID: 'u' }, 'Bearer tok'],
    [
      { LIGHTNING_API_KEY: KEY, LIGHTNING_USER_ID: 'u' },
      `Basic ${Buffer.from(`u:${KEY}`).toString('base64')}`,
    ],
    [{ LIGHTNING_API_KEY: KEY }, `Bearer ${KEY}`],
  ])('environment %o gives %s, the file unread', (env, header) => {
    writeFile('credentials.json', JSON.stringify({ user_id: 'file', api_key: 'file-key' }));
    const creds = loadCredentials({ ...env, LIGHTNING_DIR: dir })!;
    expect(creds.authorization()).toBe(header);
    expect(creds.source).toBe('environment');
  });

  it('LIGHTNING_USER_ID alone reads the file; a file token is Bearer', () => {
    writeFile('credentials.json', JSON.stringify({ user_id: 'b', auth_token: 'file-tok' }));
    const creds = loadCredentials({ LIGHTNING_USER_ID: 'u', LIGHTNING_DIR: dir })!;
    expect(creds.authorization()).toBe('Bearer file-tok');
    expect(creds.form).toBe('token');
  });

  it.each([
    ['not JSON', `{"user_id": "u", "api_key": "${KEY}"`, 'is not valid JSON'],
    ['no api_key', JSON.stringify({ user_id: 'u', username: KEY }), 'neither "api_key" nor'],
    ['empty key', JSON.stringify({ user_id: 'u', api_key: '' }), 'neither'],
    ['an array', JSON.stringify([KEY]), 'neither'],
  ])('names a malformed file (%s) without quoting it', (_, text, expected) => {
    const path = writeFile('credentials.json', text);
    const error = thrown(() => loadCredentials({ LIGHTNING_DIR: dir }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(path);
    expect(error.message).toContain(expected);
    expect(`${error.message} ${(error as UsageError).hint}`).not.toContain(KEY);
  });

  it('never shows the API key when the credentials are printed', () => {
    const creds = loadCredentials({ LIGHTNING_USER_ID: 'u', LIGHTNING_API_KEY: KEY })!;
    expect(inspect(creds, { showHidden: true, depth: 5 })).not.toContain(KEY);
    expect(JSON.stringify(creds)).not.toContain(KEY);
    expect(String(creds)).not.toContain(KEY);
  });
});

describe('cloudUrl', () => {
  it.each([
    [undefined, 'https://lightning.ai'],
    ['', 'https://lightning.ai'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['https://example.com/api//', 'https://example.com/api'],
  ])('%s -> %s', (value, expected) => {
    expect(cloudUrl({ LIGHTNING_CLOUD_URL: value })).toBe(expected);
  });

  it.each(['not a url', 'ftp://example.com', 'https://user:pw@example.com'])(
    'refuses %s',
    (value) => {
      expect(() => cloudUrl({ LIGHTNING_CLOUD_URL: value })).toThrow(UsageError);
    },
  );
});
