import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudError } from '../../src/cloud/cloud-error.js';
import type { CloudClient } from '../../src/cloud/http.js';
import {
  createCloudSecret,
  deleteCloudSecret,
  findSecret,
  listCloudSecrets,
  teamspaceScope,
  updateCloudSecret,
} from '../../src/cloud/secrets.js';
import { clientFor } from '../fixtures/cloud-client.js';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';

const PID_ = 'project-1';
const PID = teamspaceScope(PID_);
let server: CloudServer;
let client: CloudClient;

beforeEach(async () => {
  server = await startCloudServer({ secrets: { [PID_]: [{ name: 'api-token', value: 'v0' }] } });
  client = clientFor(server);
});
afterEach(() => server.close());

describe('secrets API', () => {
  it('lists names, ids and dates but never values', async () => {
    const [secret, ...rest] = await listCloudSecrets(client, PID);
    expect(rest).toEqual([]);
    expect(secret).toMatchObject({ id: expect.stringMatching(/^sec-/), name: 'api-token' });
    expect(Date.parse(secret!.createdAt!)).not.toBeNaN();
    expect(JSON.stringify(secret)).not.toContain('v0');
  });

  it('treats a missing list as empty (protobuf leaves empty lists out)', async () => {
    server.state.secrets.set(PID_, []);
    expect(await listCloudSecrets(client, PID)).toEqual([]);
  });

  it('creates, updates and deletes, sending exactly the documented bodies', async () => {
    const created = await createCloudSecret(client, PID, 'db.Password-2', 'first');
    expect(created.name).toBe('db.Password-2');
    const updated = await updateCloudSecret(client, PID, created.id, 'second');
    expect(updated.id).toBe(created.id);
    expect(server.secretsOf().find((s) => s.id === created.id)?.value).toBe('second');
    await deleteCloudSecret(client, PID, created.id);
    expect((await listCloudSecrets(client, PID)).map((s) => s.name)).toEqual(['api-token']);

    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `/v1/projects/${PID_}/secrets`,
        { name: 'db.Password-2', type: 'SECRET_TYPE_UNSPECIFIED', value: 'first' },
      ],
      ['PUT', `/v1/projects/${PID_}/secrets/${created.id}`, { value: 'second' }],
      ['DELETE', `/v1/projects/${PID_}/secrets/${created.id}`, undefined],
      ['GET', `/v1/projects/${PID_}/secrets`, undefined],
    ]);
  });

  it('answers 409 to a duplicate create and 404 to an unknown id', async () => {
    const dup = await createCloudSecret(client, PID, 'api-token', 'x').catch((e: unknown) => e);
    expect((dup as CloudError).status).toBe(409);
    const missing = await updateCloudSecret(client, PID, 'sec-nope', 'x').catch((e: unknown) => e);
    expect((missing as CloudError).status).toBe(404);
    const gone = await deleteCloudSecret(client, PID, 'sec-nope').catch((e: unknown) => e);
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
    await deleteCloudSecret(client, PID, 'a/b?c').catch(() => undefined);
    expect(server.requests[0]?.path).toBe(`/v1/projects/${PID_}/secrets/a%2Fb%3Fc`);
  });

  it('user scope: /v1/secrets, create without a type', async () => {
    const user = { kind: 'user' } as const;
    const created = await createCloudSecret(client, user, 'MY_TOKEN', 'u1');
    expect((await listCloudSecrets(client, user)).map((x) => x.name)).toEqual(['MY_TOKEN']);
    await deleteCloudSecret(client, user, created.id);
    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/v1/secrets', { name: 'MY_TOKEN', value: 'u1' }],
      ['GET', '/v1/secrets', undefined],
      ['DELETE', `/v1/secrets/${created.id}`, undefined],
    ]);
    // The teamspace was never touched.
    expect(server.secretsOf().map((x) => x.name)).toEqual(['api-token']);
  });

  it('lists only generic secrets unless asked for all (a launch check sees every type)', async () => {
    server.state.secrets.get(PID_)!.push({
      id: 'sec-docker',
      name: 'registry',
      value: 'x',
      createdAt: '',
      updatedAt: '',
      type: 'SECRET_TYPE_DOCKER_REGISTRY',
    });
    expect((await listCloudSecrets(client, PID)).map((x) => x.name)).toEqual(['api-token']);
    const all = await listCloudSecrets(client, PID, { all: true });
    expect(all.map((x) => x.name)).toEqual(['api-token', 'registry']);
  });
});
