import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/cloud/connect.js';
import { selectProject } from '../../src/cloud/project.js';
import { RuntimeError, UsageError } from '../../src/lib/errors.js';
import { clientFor } from '../fixtures/cloud-client.js';
import {
  type CloudServer,
  type FakeMembership,
  startCloudServer,
} from '../fixtures/cloud-server.js';

let server: CloudServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(memberships: FakeMembership[], projects = [{ id: 'hidden', name: 'Hidden' }]) {
  server = await startCloudServer({ memberships, projects });
  return { server, client: clientFor(server) };
}

const A = { projectId: 'pa', name: 'alpha' };
const B = { projectId: 'pb', name: 'beta', displayName: 'Beta Team' };
const C = { projectId: 'pc', name: 'gamma' };

describe('selectProject', () => {
  it('takes the only membership without a note', async () => {
    const { client } = await start([A]);
    expect(await selectProject(client, {})).toEqual({ projectId: 'pa', name: 'alpha' });
  });

  it('prefers the default membership and says so when there were several', async () => {
    const { client } = await start([A, { ...B, isDefault: true }, C]);
    const project = await selectProject(client, {});
    expect(project.projectId).toBe('pb');
    expect(project.name).toBe('Beta Team');
    expect(project.note).toBe(
      'Using project Beta Team (default of 3); set LIGHTNING_CLOUD_PROJECT_ID to choose',
    );
  });

  it('takes the first of several when none is the default', async () => {
    const { client } = await start([A, B]);
    const project = await selectProject(client, {});
    expect(project.projectId).toBe('pa');
    expect(project.note).toContain('Using project alpha (first of 2)');
  });

  it('sanitizes a hostile project name in the note', async () => {
    const { client } = await start([{ projectId: 'px', name: 'evil\u001b]52;c;x\u0007' }, A]);
    expect((await selectProject(client, {})).note).toContain('evil^[]52;c;x^G');
  });

  it('fails clearly when the account has no project', async () => {
    const { client } = await start([]);
    const error = await selectProject(client, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toContain('no project');
  });

  it('uses LIGHTNING_CLOUD_PROJECT_ID, even for a project outside the memberships', async () => {
    const { client, server } = await start([A, B]);
    const project = await selectProject(client, { LIGHTNING_CLOUD_PROJECT_ID: 'hidden' });
    expect(project).toEqual({ projectId: 'hidden', name: 'Hidden' });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/projects/hidden']);
  });

  it('says LIGHTNING_CLOUD_PROJECT_ID names no project', async () => {
    const { client } = await start([A]);
    const error = await selectProject(client, { LIGHTNING_CLOUD_PROJECT_ID: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(
      'LIGHTNING_CLOUD_PROJECT_ID is set but no such project',
    );
  });
});

describe('connect', () => {
  it('returns undefined without credentials and sends nothing', async () => {
    const { server } = await start([A]);
    const env = { LIGHTNING_CLOUD_URL: server.url, LIGHTNING_DIR: '/nonexistent-lsec-dir' };
    expect(await connect(env)).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it('builds the client from the environment and picks the project', async () => {
    const { server } = await start([A, { ...C, isDefault: true }]);
    const connection = await connect({ ...server.env, LIGHTNING_CLOUD_URL: `${server.url}/` });
    expect(connection?.project.projectId).toBe('pc');
    expect(connection?.client.baseUrl).toBe(server.url);
    expect(connection?.project.note).toContain('default of 2');
  });
});
