import { describe, expect, it } from 'vitest';
import {
  cloudOnlyNameProblem,
  defaultEnvName,
  isSecretName,
  secretNameProblem,
  suggestSecretName,
} from '../../src/store/names.js';

describe('secret names (DESIGN §3)', () => {
  it("admits the docs example, the docs rule and today's SDK rule", () => {
    for (const name of ['github_api_token', 'my-secret.v2', '_private', 'A', 'a'.repeat(253)]) {
      expect(secretNameProblem(name), name).toBeUndefined();
      expect(isSecretName(name)).toBe(true);
    }
  });

  it('refuses the rest without the old "_" to "-" hint', () => {
    expect(secretNameProblem('1abc')).toMatch(/start with a letter or "_"/);
    expect(secretNameProblem('a b')).toMatch(/use a_b$/);
    expect(secretNameProblem('-x')).toMatch(/use x$/);
    expect(secretNameProblem('a'.repeat(254))).toMatch(/at most 253/);
    expect(secretNameProblem('')).toMatch(/empty/);
  });

  it('a suggestion keeps the case typed, as import keeps a key as written', () => {
    expect(suggestSecretName('OPENAI API KEY')).toBe('OPENAI_API_KEY');
    expect(suggestSecretName('My Key!')).toBe('My_Key');
    expect(suggestSecretName('OPENAI_API_KEY')).toBeUndefined();
  });

  it('a cloud-only name only has to be argv-safe', () => {
    expect(cloudOnlyNameProblem('ok:name')).toBeUndefined();
    expect(cloudOnlyNameProblem('1st')).toBeUndefined();
    expect(cloudOnlyNameProblem('')).toMatch(/empty/);
    expect(cloudOnlyNameProblem('-x')).toMatch(/starts with "-"/);
    expect(cloudOnlyNameProblem('a=b')).toMatch(/"="/);
    expect(cloudOnlyNameProblem('a b')).toMatch(/whitespace/);
    expect(cloudOnlyNameProblem('a\u0007')).toMatch(/control/);
    expect(cloudOnlyNameProblem('a\u202eb')).toMatch(/control/);
  });

  it('default env name: upper-cased, "-" and "." become "_"', () => {
    expect(defaultEnvName('github_api_token')).toBe('GITHUB_API_TOKEN');
    expect(defaultEnvName('db.url-prod')).toBe('DB_URL_PROD');
  });
});
