import { describe, expect, it } from 'vitest';
import { type PreflightInput, preflight } from '../../src/launch/preflight.js';
import type { Profile } from '../../src/store/project-schema.js';

const good: Profile = {
  app: 'app.py',
  env: { FOO: 'bar', EMPTY: '' },
  secrets: { API_KEY: 'api-key', DB_URL: 'db.url' },
};

type Overrides = Partial<Omit<PreflightInput, 'profile'>> & { profile?: Partial<Profile> };

function input(over: Overrides = {}): PreflightInput {
  const { profile, ...rest } = over;
  return {
    appExists: true,
    vaultNames: new Set(['api-key', 'db.url']),
    ...rest,
    profile: { ...good, ...profile },
  };
}

function codes(over: Overrides) {
  return preflight(input(over)).map((p) => [p.code, p.subject]);
}

describe('preflight', () => {
  it('passes a good profile in both modes', () => {
    expect(preflight(input())).toEqual([]);
    expect(preflight(input({ local: true }))).toEqual([]);
  });

  const single: [string, Overrides, [string, string]][] = [
    ['app not set', { profile: { app: undefined } }, ['app-unset', 'app']],
    ['app empty', { profile: { app: '' } }, ['app-unset', 'app']],
    ['app file missing', { appExists: false }, ['app-missing', 'app.py']],
    ['app file missing (checker)', { appExists: (a) => a !== 'app.py' }, ['app-missing', 'app.py']],
    ['app path starts with -', { profile: { app: '--help' } }, ['app-dash', '--help']],
    ['name starts with -', { profile: { name: '-n' } }, ['name-dash', '-n']],
    ['bad plain env name', { profile: { env: { 'FOO-BAR': 'x' } } }, ['env-name', 'FOO-BAR']],
    ['bad mapped env name', { profile: { secrets: { '1KEY': 'api-key' } } }, ['env-name', '1KEY']],
    [
      'bad secret name',
      { profile: { secrets: { KEY: 'github api token' } } },
      ['secret-name', 'github api token'],
    ],
    ['env name used twice', { profile: { env: { API_KEY: 'x' } } }, ['env-duplicate', 'API_KEY']],
    ['"=" in a plain value', { profile: { env: { URL: 'a?b=c' } } }, ['plain-value', 'URL']],
    [
      'secret missing from the vault, local',
      { local: true, vaultNames: new Set(['api-key']) },
      ['secret-not-in-vault', 'db.url'],
    ],
    [
      'secret missing from the vault, cloud not checked',
      { vaultNames: new Set(['api-key']) },
      ['secret-not-in-vault', 'db.url'],
    ],
    [
      'secret the cloud lacks',
      { cloudNames: new Set(['api-key']) },
      ['secret-not-in-cloud', 'db.url'],
    ],
  ];

  it.each(single)('%s', (_label, over, expected) => {
    expect(codes(over)).toEqual([expected]);
  });

  it('refuses a cloud-only-missing secret with the push fix', () => {
    const [problem] = preflight(input({ cloudNames: new Set(['api-key']) }));
    expect(problem).toEqual({
      code: 'secret-not-in-cloud',
      subject: 'db.url',
      message:
        'the secret db.url (mapped to DB_URL) is in the vault but not in the Lightning cloud',
      fix: 'lsec push db.url',
    });
  });

  it('accepts a secret that only the cloud has', () => {
    expect(
      preflight(input({ vaultNames: new Set(), cloudNames: new Set(['api-key', 'db.url']) })),
    ).toEqual([]);
  });

  it('refuses a secret neither the vault nor the cloud has', () => {
    const problems = preflight(
      input({ vaultNames: new Set(['db.url']), cloudNames: new Set(['db.url']) }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/neither in the vault nor in the Lightning cloud/);
    expect(problems[0]?.fix).toBe('lsec add api-key, then lsec push api-key');
  });

  it('with --no-verify, trusts the cloud for secrets the vault lacks (web-UI secrets)', () => {
    expect(preflight(input({ vaultNames: new Set(), noVerify: true }))).toEqual([]);
    // Without it, the same profile is refused and the fix names --no-verify.
    const problems = preflight(input({ vaultNames: new Set() }));
    expect(problems.map((p) => p.code)).toEqual(['secret-not-in-vault', 'secret-not-in-vault']);
    expect(problems[0]?.fix).toMatch(/--no-verify/);
    // A local run still needs every value: --no-verify changes nothing there.
    expect(codes({ local: true, vaultNames: new Set(), noVerify: true })).toEqual([
      ['secret-not-in-vault', 'api-key'],
      ['secret-not-in-vault', 'db.url'],
    ]);
  });

  it('ignores the cloud in a local run', () => {
    expect(
      codes({ local: true, vaultNames: new Set(), cloudNames: new Set(['api-key', 'db.url']) }),
    ).toEqual([
      ['secret-not-in-vault', 'api-key'],
      ['secret-not-in-vault', 'db.url'],
    ]);
    expect(codes({ profile: { cloud: false }, vaultNames: new Set(['api-key']) })).toEqual([
      ['secret-not-in-vault', 'db.url'],
    ]);
  });

  it('lists every problem at once', () => {
    const problems = preflight(
      input({
        appExists: false,
        vaultNames: new Set(),
        cloudNames: new Set(),
        profile: {
          name: '--x',
          env: { 'A-B': 'x=y', API_KEY: '' },
          secrets: { API_KEY: 'api-key', GH: 'github api token' },
        },
      }),
    );
    expect(problems.map((p) => [p.code, p.subject])).toEqual([
      ['app-missing', 'app.py'],
      ['name-dash', '--x'],
      ['env-name', 'A-B'],
      ['plain-value', 'A-B'],
      ['env-duplicate', 'API_KEY'],
      ['secret-not-in-cloud', 'api-key'],
      ['secret-name', 'github api token'],
    ]);
    for (const p of problems) {
      expect(p.message).not.toBe('');
      expect(p.fix).not.toBe('');
    }
  });

  it('never puts a plain value in a message or fix', () => {
    const problems = preflight(input({ profile: { env: { URL: 'https://h?token=s3cr3t' } } }));
    expect(problems.map((p) => p.code)).toEqual(['plain-value']);
    expect(JSON.stringify(problems)).not.toContain('s3cr3t');
    expect(problems[0]?.fix).toMatch(/store it as a secret and map it/);
  });

  it('does not look for the app file when no app is set', () => {
    let asked = false;
    preflight(
      input({
        profile: { app: undefined },
        appExists: () => {
          asked = true;
          return true;
        },
      }),
    );
    expect(asked).toBe(false);
  });
});
