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
    expect(await selectProject(client, {})).toEqual({
      projectId: 'pa',
      name: 'alpha',
      source: 'first membership',
    });
  });

  // Lightning's app CLI takes the FIRST membership and ignores isDefault
  // (reference/lightning.md §5): lsec must verify where Lightning will look.
  it('takes the first membership even when another is the default, as Lightning does', async () => {
    const { client } = await start([A, { ...B, isDefault: true }, C]);
    const project = await selectProject(client, {});
    expect(project.projectId).toBe('pa');
    expect(project.source).toBe('first membership');
    expect(project.note).toContain('Defaulting to the project: alpha (first of 3');
  });

  it("a profile's project picks a membership by id, name or display name", async () => {
    const { client } = await start([A, B, C]);
    for (const wish of ['pb', 'beta', 'Beta Team']) {
      const project = await selectProject(client, {}, wish);
      expect(project).toMatchObject({ projectId: 'pb', name: 'Beta Team' });
      expect(project.source).toContain('profile');
    }
  });

  it('an unknown profile project is a usage error listing the memberships', async () => {
    const { client } = await start([A, B]);
    const error = (await selectProject(client, {}, 'nope').catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('nope is not one of your projects');
    expect(error.hint).toContain('alpha (pa), Beta Team (pb)');
  });

  it('LIGHTNING_CLOUD_PROJECT_ID wins over the profile (Lightning reads it too)', async () => {
    const { client } = await start([A, B]);
    const project = await selectProject(client, { LIGHTNING_CLOUD_PROJECT_ID: 'pb' }, 'alpha');
    expect(project.projectId).toBe('pb');
    expect(project.note).toContain('overrides');
  });

  it('sanitizes a hostile project name in the note', async () => {
    const { client } = await start([{ projectId: 'px', name: 'evil\u001b]52;c;x\u0007' }, A]);
    expect((await selectProject(client, {})).note).toContain('evil^[]52;c;x^G');
  });

  it('fails clearly when the account has no project', async () => {
    const { client } = await start([]);
    const error = await selectProject(client, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toBe(
      'No valid projects found. Please reach out to lightning.ai team to create a project',
    );
  });

  it('uses LIGHTNING_CLOUD_PROJECT_ID, even for a project outside the memberships', async () => {
    const { client, server } = await start([A, B]);
    const project = await selectProject(client, { LIGHTNING_CLOUD_PROJECT_ID: 'hidden' });
    expect(project).toEqual({
      projectId: 'hidden',
      name: 'Hidden',
      source: 'LIGHTNING_CLOUD_PROJECT_ID',
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/projects/hidden']);
  });

  it('says LIGHTNING_CLOUD_PROJECT_ID names no project', async () => {
    const { client } = await start([A]);
    const error = await selectProject(client, { LIGHTNING_CLOUD_PROJECT_ID: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    // Lightning's own words.
    expect((error as Error).message).toBe(
      'Environment variable `LIGHTNING_CLOUD_PROJECT_ID` is set but could not find an associated project.',
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
    expect(connection?.project.projectId).toBe('pa');
    expect(connection?.client.baseUrl).toBe(server.url);
    expect(connection?.project.note).toContain('first of 2');
  });
});
