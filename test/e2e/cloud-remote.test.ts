// `lsec remote` through the real binary against the fake Lightning API: what the
// cloud holds, and for each name how it relates to the vault, judged only from the
// fingerprint the vault recorded at its last push (the cloud never returns values).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, tempDir } from '../helpers/cli.js';

const VALUES = { alpha: 'SENTINEL-alpha-1', beta: 'SENTINEL-beta-1', gamma: 'SENTINEL-gamma-1' };
let s: CloudServer;
let vault: { home: string; pass: string };
const lsec = (args: string[], input?: string, env: Record<string, string> = s.env) =>
  runCli([...args, '--passphrase-file', vault.pass], {
    home: vault.home,
    input,
    env: { HOME: tempDir('lsec-userhome-'), ...env },
  });

beforeAll(async () => {
  // gamma was made in the web UI under a name the vault also has; web-only exists
  // only in the cloud.
  s = await startCloudServer({
    secrets: {
      'project-1': [
        { name: 'gamma', value: 'typed-in-the-web-ui' },
        { name: 'web-only', value: 'x' },
      ],
    },
  });
  vault = await initVault({ secrets: VALUES });
  const push = await lsec(['push', 'alpha', 'beta']);
  expect(push.code, push.stderr).toBe(0);
  // Changed after the push: the cloud now holds an older value.
  expect((await lsec(['set', 'beta'], 'SENTINEL-beta-2')).code).toBe(0);
});
afterAll(() => s.close());

describe('lsec remote', () => {
  it('--json: schema 1, the project, each cloud secret with dates and its sync state', async () => {
    const writes = () => s.requests.filter((q) => q.method !== 'GET').length;
    const writesBefore = writes();
    const r = await lsec(['remote', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['schema', 'scope', 'project', 'secrets']);
    expect(json.schema).toBe(1);
    expect(json.scope).toBe('teamspace');
    expect(json.project).toEqual({
      id: 'project-1',
      name: 'my-project',
      source: 'first membership',
    });
    const byName = Object.fromEntries(
      json.secrets.map((x: { name: string; state: string }) => [x.name, x.state]),
    );
    expect(byName).toEqual({
      alpha: 'in-sync',
      beta: 'changed',
      // In both places, but this vault never pushed it: its cloud value is unknown.
      gamma: 'untracked',
      // The same words as the TUI's CLOUD column.
      'web-only': 'cloud-only',
    });
    for (const secret of json.secrets) {
      expect(Object.keys(secret)).toEqual(['name', 'createdAt', 'updatedAt', 'state']);
      expect(Number.isNaN(Date.parse(secret.createdAt))).toBe(false);
      expect(Number.isNaN(Date.parse(secret.updatedAt))).toBe(false);
    }
    expect(r.stdout + r.stderr).not.toContain('SENTINEL');
    expect(writes()).toBe(writesBefore); // listing is read-only
  });

  it('the table names each state in words, sorted by name', async () => {
    const r = await lsec(['remote']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['alpha', 'beta', 'gamma', 'web-only']);
    expect(rows[0]).toMatch(/in sync$/);
    expect(rows[1]).toMatch(/changed since last push$/);
    expect(rows[3]).toMatch(/not in the vault$/);
    expect(r.stdout).not.toContain('SENTINEL');
  });
});
