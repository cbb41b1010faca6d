import { createServer as createHttp } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudError } from '../../src/cloud/cloud-error.js';
import { Credentials } from '../../src/cloud/credentials.js';
import { CloudClient } from '../../src/cloud/http.js';
import {
  createCloudSecret,
  listCloudSecrets,
  teamspaceScope,
  updateCloudSecret,
} from '../../src/cloud/secrets.js';
import { clientFor } from '../fixtures/cloud-client.js';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';

// The client's waits between tries run on fake time: recorded, not slept.
const waits = vi.hoisted(() => [] as number[]);
vi.mock('node:timers/promises', async (original) => ({
  ...(await original<typeof import('node:timers/promises')>()),
  setTimeout: async (ms: number) => {
    waits.push(ms);
  },
}));

const KEY = 'api-key-SENTINEL-9f8e7d';
const VALUE = 'secret-value-SENTINEL-1234';
const PID = teamspaceScope('project-1');
let server: CloudServer;

beforeEach(async () => {
  server = await startCloudServer({ apiKey: KEY });
  waits.length = 0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError);
    return error as CloudError;
  }
  throw new Error('expected the request to fail');
}

/** Everything a user could see of an error. */
function shown(error: CloudError): string {
  return `${error.message}\n${error.hint ?? ''}\n${error.stack ?? ''}`;
}

function assertNoLeak(error: CloudError): void {
  const text = shown(error);
  const auth = Buffer.from(`${server.userId}:${KEY}`).toString('base64');
  for (const secret of [KEY, VALUE, auth]) expect(text).not.toContain(secret);
}

describe('CloudClient errors', () => {
  it('reports 401 with the server message and what to check, never the key', async () => {
    const client = new CloudClient(
      server.url,
      new Credentials('user-1', KEY.replace('9', '8'), 'environment'),
    );
    const error = await failure(client.get('/v1/memberships'));
    expect(error.status).toBe(401);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Unauthorized (the user id or API key is not valid)');
    expect(error.hint).toContain(
      'check LIGHTNING_USER_ID / LIGHTNING_API_KEY or ~/.lightning/credentials.json',
    );
    expect(shown(error)).not.toContain(KEY.replace('9', '8'));
    expect(server.requests).toHaveLength(1); // a 401 is not retried
  });

  it('hides a secret value or the key that a server echoes, and makes the text inert', async () => {
    server.failNext(1, {
      status: 400,
      message: `bad value ${VALUE} for ${KEY}\u001b[2J`,
      details: [{ v: VALUE }],
    });
    const error = await failure(createCloudSecret(clientFor(server), PID, 'n', VALUE));
    assertNoLeak(error);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('bad value [hidden] for [hidden]^[[2J');
  });

  it('shortens a long server message to one line', async () => {
    server.failNext(1, { status: 400, message: `${'x'.repeat(5000)}\nsecond line` });
    const error = await failure(clientFor(server).get('/v1/memberships'));
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).not.toContain('\n');
  });

  it('says when the cloud did not answer in time, without retrying', async () => {
    server.hold();
    const client = clientFor(server, { timeoutMs: 150 });
    const error = await failure(listCloudSecrets(client, PID));
    expect(error.failure).toBe('timeout');
    expect(error.message).toContain('the cloud did not answer within 0.15 s');
    expect(error.affectsAll).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('gives each request 15 s by default and names that time when it runs out', async () => {
    // The request's own deadline is the subject: capture it and end it by hand.
    const deadlines: number[] = [];
    const expire = new AbortController();
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      deadlines.push(ms);
      return expire.signal;
    });
    server.hold();
    const client = new CloudClient(server.url, new Credentials(server.userId, KEY, 'environment'));
    const pending = failure(listCloudSecrets(client, PID));
    await vi.waitFor(() => expect(server.held()).toBe(1), { timeout: 10_000 });
    expire.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    const error = await pending;
    expect(deadlines).toEqual([15_000]);
    expect(error.message).toContain('the cloud did not answer within 15 s');
  });

  it('waits as long as Retry-After says before trying again', async () => {
    server.failNext(1, { status: 503, headers: { 'retry-after': '3' } });
    const client = clientFor(server, { backoffMs: 1 });
    await expect(listCloudSecrets(client, PID)).resolves.toEqual([]);
    expect(waits).toEqual([3_000]);
    expect(server.requests).toHaveLength(2);

    // Without the header it is the client's own back-off.
    waits.length = 0;
    server.failNext(1, 503);
    await listCloudSecrets(client, PID);
    expect(waits).toEqual([1]);
  });

  it('HTTP 403 names the status, points at the credentials and stops a batch', async () => {
    server.failNext(1, { status: 403, message: 'forbidden for this project' });
    const error = await failure(listCloudSecrets(clientFor(server), PID));
    expect(error.status).toBe(403);
    expect(error.message).toContain('HTTP 403');
    expect(error.message).toContain('forbidden for this project');
    expect(error.hint).toContain('LIGHTNING_API_KEY');
    expect(error.affectsAll).toBe(true);
    expect(server.requests).toHaveLength(1);
    assertNoLeak(error);
  });

  it('does not follow a redirect: the credentials never reach another origin', async () => {
    const seen: (string | undefined)[] = [];
    const other = createHttp((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"secrets":[]}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      server.failNext(1, {
        status: 302,
        headers: { location: `${elsewhere}/v1/projects/${PID}/secrets` },
      });
      const error = await failure(listCloudSecrets(clientFor(server), PID));
      expect(error.status).toBe(302);
      expect(error.message).toContain('redirect (HTTP 302)');
      expect(error.message).toContain(elsewhere);
      expect(seen).toEqual([]);
      assertNoLeak(error);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('names the URL when nothing listens there', async () => {
    const url = await closedPort();
    const client = new CloudClient(`${url}/`, new Credentials('u', KEY, 'environment'), {
      backoffMs: 1,
    });
    const error = await failure(createCloudSecret(client, PID, 'n', VALUE));
    expect(error.failure).toBe('network');
    expect(error.message).toContain(
      `could not reach the Lightning cloud at ${url}: connection refused`,
    );
    expect(error.hint).toContain('LIGHTNING_CLOUD_URL');
    assertNoLeak(error);
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    const other = await startPlainServer('<html>hello</html>');
    try {
      const client = new CloudClient(other.url, new Credentials('u', KEY, 'environment'));
      const error = await failure(client.get('/v1/memberships'));
      expect(error.failure).toBe('response');
      expect(error.message).toContain('not JSON');
    } finally {
      await other.close();
    }
  });
});

describe('CloudClient retries', () => {
  it('retries a GET answered 500 and succeeds', async () => {
    server.failNext(2, 500);
    await expect(listCloudSecrets(clientFor(server), PID)).resolves.toEqual([]);
    expect(server.requests.map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('retries a PUT answered 503 or 429 and succeeds', async () => {
    const client = clientFor(server);
    const created = await createCloudSecret(client, PID, 'db-password', 'old');
    server.failNext(1, 503);
    server.failNext(1, 429);
    await updateCloudSecret(client, PID, created.id, VALUE);
    const puts = server.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([503, 429, 200]);
    expect(server.secretsOf()[0]?.value).toBe(VALUE);
  });

  it('gives up after three tries and says so', async () => {
    server.failNext(5, 502);
    const error = await failure(clientFor(server).get('/v1/memberships'));
    expect(error.status).toBe(502);
    expect(error.message).toContain('(after 3 tries)');
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a POST answered 500', async () => {
    server.failNext(1, 500);
    const error = await failure(createCloudSecret(clientFor(server), PID, 'db-password', VALUE));
    expect(error.status).toBe(500);
    expect(error.hint).toContain('never repeated automatically');
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    assertNoLeak(error);
  });

  it('retries a GET after a refused connection, then reports it', async () => {
    const url = await closedPort();
    const client = new CloudClient(url, new Credentials('u', KEY, 'environment'), { backoffMs: 1 });
    const error = await failure(client.get('/v1/memberships'));
    expect(error.message).toContain('(after 3 tries)');
  });
});

async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function startPlainServer(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const plain = createHttp((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(body);
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const { port } = plain.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      plain.closeAllConnections();
      return new Promise((resolve) => plain.close(() => resolve()));
    },
  };
}
