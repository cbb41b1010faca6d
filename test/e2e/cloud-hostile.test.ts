import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, tempDir } from '../helpers/cli.js';
import { launchWithFake, projectWith } from '../helpers/launch.js';

// A value with a quote and a newline: JSON-escaped it differs from the raw bytes.
const VALUE = 'SENTINEL-v4l"ue\nline2';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let s: CloudServer;
let vault: { home: string; pass: string };
beforeAll(async () => {
  s = await startCloudServer();
  vault = await initVault({ secrets: { leaky: VALUE } });
});
afterAll(() => s.close());

const lsec = (args: string[], env: Record<string, string> = s.env, cwd?: string) =>
  runCli([...args, '--passphrase-file', vault.pass], {
    home: vault.home,
    cwd,
    env: { HOME: tempDir('lsec-userhome-'), ...env },
  });

/** Every form in which the key, the header or the value could leak. */
function leaks(text: string, key: string, header: string): string[] {
  const forms = [
    key,
    header,
    header.replace(/^\S+ /, ''),
    VALUE,
    JSON.stringify(VALUE).slice(1, -1),
    b64(VALUE),
    'SENTINEL',
  ];
  return forms.filter((f) => text.includes(f));
}

describe('plain http', () => {
  // Hosts under .invalid (RFC 2606) never resolve, so even a regression here would
  // send nothing anywhere.
  it.each(['http://lightning.invalid', 'http://lightning.invalid:8080', 'http://127.evil.invalid'])(
    'refuses LIGHTNING_CLOUD_URL=%s before sending anything, naming the variable',
    async (url) => {
      const r = await lsec(['remote'], { ...s.env, LIGHTNING_CLOUD_URL: url });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('LIGHTNING_CLOUD_URL uses plain http');
      expect(r.stderr).toContain('use https://');
    },
  );

  it('allows http to this machine (127.0.0.1 here)', async () => {
    const r = await lsec(['remote', '--json']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('a server that echoes secrets back', () => {
  it.each([
    ['Basic', (srv: CloudServer) => srv.env],
    ['Bearer (key alone)', (srv: CloudServer) => ({ ...srv.env, LIGHTNING_USER_ID: '' })],
    ['Bearer (token)', (srv: CloudServer) => ({ ...srv.env, LIGHTNING_AUTH_TOKEN: srv.authToken })],
  ])('%s: push shows none of the key, header or value in any form', async (_, envOf) => {
    const env: Record<string, string> = envOf(s);
    const from = s.authorizations.length;
    const hostile = (header: string) => ({
      status: 400,
      // The reason phrase carries the header's credential part and the key.
      reason: `Bad ${header.replace(/^\S+ /, '')} ${s.apiKey}`,
      body: JSON.stringify({
        message: `rejected ${b64(VALUE)} for ${header}`,
        details: [{ echo: VALUE, key: s.apiKey }],
      }),
    });
    // The header is known only once lsec has sent its first request (the list).
    s.answerNext(
      (method) => method === 'POST',
      hostile(
        env.LIGHTNING_AUTH_TOKEN
          ? `Bearer ${s.authToken}`
          : env.LIGHTNING_USER_ID
            ? `Basic ${b64(`${s.userId}:${s.apiKey}`)}`
            : `Bearer ${s.apiKey}`,
      ),
    );
    const r = await lsec(['push', 'leaky'], env);
    expect(r.code).toBe(1);
    const header = s.authorizations[from]!;
    expect(header).not.toBe('');
    const out = r.stdout + r.stderr;
    expect(out).toContain('HTTP 400');
    expect(out).toContain('[hidden]');
    expect(leaks(out, s.apiKey, header)).toEqual([]);
  });
});

describe('a later answer echoing an earlier value', () => {
  it('push hides every value of the batch, not only the one being sent', async () => {
    const other = await initVault({ secrets: { first: 'SENTINEL-first-9', second: 'x2' } });
    const srv = await startCloudServer();
    try {
      let posts = 0;
      const log = srv.requests;
      log.push = (...entries) => {
        for (const e of entries) {
          if (e.method === 'POST' && ++posts === 2) {
            srv.failNext(1, { status: 400, message: 'conflicts with SENTINEL-first-9' });
          }
        }
        return Array.prototype.push.apply(log, entries);
      };
      const r = await runCli(['push', '--passphrase-file', other.pass], {
        home: other.home,
        env: { HOME: tempDir(), ...srv.env },
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('conflicts with [hidden]');
      expect(r.stdout + r.stderr).not.toContain('SENTINEL');
    } finally {
      await srv.close();
    }
  });
});

describe('answers of the wrong shape', () => {
  const SECRETS = '/v1/projects/project-1/secrets';
  it.each([
    ['a string', '"captive portal"'],
    ['a number', '42'],
    ['a list', '[1,2]'],
    ['another object', '{"items":[{"id":"x","name":"y"}]}'],
  ])('remote: %s is an error naming the URL, not "no secrets"', async (_, body) => {
    s.answerNext((m, p) => m === 'GET' && p === SECRETS, { status: 200, body });
    const r = await lsec(['remote']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${s.url}${SECRETS}`);
    expect(r.stderr).not.toContain('has no secrets');
  });

  it('a launch check fails closed on it: nothing is launched', async () => {
    const dir = projectWith({ app: 'app.py', env: {}, secrets: { KEY: 'leaky' } });
    s.answerNext((m, p) => m === 'GET' && p === SECRETS, { status: 200, body: '"captive portal"' });
    const r = await launchWithFake([], { home: vault.home, cwd: dir, env: s.env });
    expect(r.code).not.toBe(0);
    expect(r.launches).toEqual([]);
    expect(r.stderr).toContain(`${s.url}${SECRETS}`);
  });

  it('memberships of the wrong shape are an error, not "no project"', async () => {
    s.answerNext((m, p) => m === 'GET' && p === '/v1/memberships', {
      status: 200,
      body: '{"items":[{"projectId":"elsewhere"}]}',
    });
    const r = await lsec(['remote']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${s.url}/v1/memberships`);
  });
});

describe('a huge answer', () => {
  it('is not read past 8 MiB, and lsec says why', async () => {
    const pad = 'x'.repeat(9 * 1024 * 1024);
    s.answerNext((m, p) => m === 'GET' && p === '/v1/projects/project-1/secrets', {
      status: 200,
      body: `{"secrets":[],"pad":"${pad}"}`,
    });
    const r = await lsec(['remote']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('more than 8 MiB');
  });
});
