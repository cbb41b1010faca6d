import { describe, expect, it } from 'vitest';
import { childEnv } from '../../src/launch/child-env.js';

const parent: NodeJS.ProcessEnv = {
  PATH: '/usr/bin',
  HOME: '/home/u',
  LSEC_PASSPHRASE: 'correct horse',
  FOO: 'from-parent',
};
const plain = { FOO: 'bar', EMPTY: '' };
const values = { API_KEY: 'sk-live-123', DB_URL: 'postgres://u:p@h/db?x=1' };

describe('childEnv', () => {
  it('cloud: the parent env without the passphrase, plus plain vars, no secret values', () => {
    const before = { ...parent };
    const env = childEnv({ parent, plain, values, local: false });
    expect({ ...env }).toEqual({ PATH: '/usr/bin', HOME: '/home/u', FOO: 'bar', EMPTY: '' });
    const text = JSON.stringify({ ...env });
    expect(text).not.toContain('sk-live-123');
    expect(text).not.toContain('correct horse');
    expect(parent).toEqual(before);
  });

  it('local: the mapped values too', () => {
    const env = childEnv({ parent, plain, values, local: true });
    expect({ ...env }).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/u',
      FOO: 'bar',
      EMPTY: '',
      API_KEY: 'sk-live-123',
      DB_URL: 'postgres://u:p@h/db?x=1',
    });
    expect(env.LSEC_PASSPHRASE).toBeUndefined();
  });

  it('takes the values as a Map, and keeps an env name such as __proto__', () => {
    const env = childEnv({
      parent: {},
      plain: {},
      values: new Map([['__proto__', 'v']]),
      local: true,
    });
    expect(Object.keys(env)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(env, '__proto__')?.value).toBe('v');
  });

  it('never touches process.env', () => {
    const before = { ...process.env };
    const env = childEnv({
      parent: process.env,
      plain: { ADDED_BY_TEST: 'x' },
      values,
      local: true,
    });
    expect(env.ADDED_BY_TEST).toBe('x');
    expect(env.API_KEY).toBe('sk-live-123');
    expect({ ...process.env }).toEqual(before);
  });
});
