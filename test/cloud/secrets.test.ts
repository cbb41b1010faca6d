import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudError } from '../../src/cloud/cloud-error.js';
import type { CloudClient } from '../../src/cloud/http.js';
import {
  createSecret,
  deleteSecret,
  findSecret,
  listSecrets,
  updateSecret,
} from '../../src/cloud/secrets.js';
import { clientFor } from '../fixtures/cloud-client.js';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';

const PID = 'project-1';
let server: CloudServer;
let client: CloudClient;

beforeEach(async () => {
  server = await startCloudServer({ secrets: { [PID]: [{ name: 'api-token', value: 'v0' }] } });
  client = clientFor(server);
});
afterEach(() => server.close());

describe('secrets API', () => {
  it('lists names, ids and dates but never values', async () => {
    const [secret, ...rest] = await listSecrets(client, PID);
    expect(rest).toEqual([]);
    expect(secret).toMatchObject({ id: expect.stringMatching(/^sec-/), name: 'api-token' });
    expect(Date.parse(secret!.createdAt!)).not.toBeNaN();
    expect(JSON.stringify(secret)).not.toContain('v0');
  });

  it('treats a missing list as empty (protobuf leaves empty lists out)', async () => {
    server.state.secrets.set(PID, []);
    expect(await listSecrets(client, PID)).toEqual([]);
  });

  it('creates, updates and deletes, sending exactly the documented bodies', async () => {
    const created = await createSecret(client, PID, 'db.Password-2', 'first');
    expect(created.name).toBe('db.Password-2');
    const updated = await updateSecret(client, PID, created.id, 'second');
    expect(updated.id).toBe(created.id);
    expect(server.secretsOf().find((s) => s.id === created.id)?.value).toBe('second');
    await deleteSecret(client, PID, created.id);
    expect((await listSecrets(client, PID)).map((s) => s.name)).toEqual(['api-token']);

    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `/v1/projects/${PID}/secrets`, { name: 'db.Password-2', value: 'first' }],
      ['PUT', `/v1/projects/${PID}/secrets/${created.id}`, { value: 'second' }],
      ['DELETE', `/v1/projects/${PID}/secrets/${created.id}`, undefined],
      ['GET', `/v1/projects/${PID}/secrets`, undefined],
    ]);
  });

  it('answers 409 to a duplicate create and 404 to an unknown id', async () => {
    const dup = await createSecret(client, PID, 'api-token', 'x').catch((e: unknown) => e);
    expect((dup as CloudError).status).toBe(409);
    const missing = await updateSecret(client, PID, 'sec-nope', 'x').catch((e: unknown) => e);
    expect((missing as CloudError).status).toBe(404);
    const gone = await deleteSecret(client, PID, 'sec-nope').catch((e: unknown) => e);
    expect((gone as CloudError).status).toBe(404);
  });

  it('matches names exactly and case-sensitively', async () => {
    const list = [
      { id: '1', name: 'Token' },
      { id: '2', name: 'token' },
    ];
    expect(findSecret(list, 'token')?.id).toBe('2');
    expect(findSecret(list, 'TOKEN')).toBeUndefined();
    expect(findSecret(list, 'toke')).toBeUndefined();
  });

  it('encodes ids in the path', async () => {
    await deleteSecret(client, PID, 'a/b?c').catch(() => undefined);
    expect(server.requests[0]?.path).toBe(`/v1/projects/${PID}/secrets/a%2Fb%3Fc`);
  });
});
