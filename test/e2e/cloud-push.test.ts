// `lsec push` through the real binary against the fake Lightning API
// (test/fixtures/cloud-server.ts): what it sends, what it remembers, and how it
// fails. The vault records a fingerprint of each value it pushed, so a second push
// sends nothing; a failed push must not record one, or the value would never be
// sent again. Every run gets a tmp HOME so a real ~/.lightning is never read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CloudServer,
  type LoggedRequest,
  startCloudServer,
} from '../fixtures/cloud-server.js';
import { newSecret } from '../fixtures/cloud-server-util.js';
import { initVault, readDoc, readVaultBytes, runCli, tempDir } from '../helpers/cli.js';

const servers: CloudServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function server(opts: Parameters<typeof startCloudServer>[0] = {}) {
  const s = await startCloudServer(opts);
  servers.push(s);
  return s;
}

function cli(vault: { home: string; pass: string }, env: Record<string, string | undefined>) {
  return (args: string[], input?: string) =>
    runCli([...args, '--passphrase-file', vault.pass], {
      home: vault.home,
      input,
      env: { HOME: tempDir('lsec-userhome-'), ...env },
    });
}

/** Requests that change something in the cloud. */
const writes = (s: CloudServer, from = 0) =>
  s.requests
    .slice(from)
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`);

/**
 * Runs `hook` on each request just before the fake API routes it: the fixture logs
 * a request and then answers it, so a hook on the log's push sees it in between.
 */
function beforeRouting(s: CloudServer, hook: (r: LoggedRequest) => void): void {
  const log = s.requests;
  log.push = (...entries) => {
    for (const e of entries) hook(e);
    return Array.prototype.push.apply(log, entries);
  };
}

/** The next `count` POSTs answer HTTP 500 (failNext alone would hit push's first GET). */
function failPosts(s: CloudServer, count: number): void {
  let left = count;
  beforeRouting(s, (r) => {
    if (r.method === 'POST' && left-- > 0) s.failNext(1, 500);
  });
}

describe('push: create, skip, update, force, dry run', () => {
  let s: CloudServer;
  let lsec: ReturnType<typeof cli>;
  let vault: { home: string; pass: string };
  beforeAll(async () => {
    s = await server();
    vault = await initVault({ secrets: { alpha: 'A1', beta: 'B1' } });
    lsec = cli(vault, s.env);
  });
  const cloudValues = () => Object.fromEntries(s.secretsOf().map((x) => [x.name, x.value]));

  it('creates what the cloud lacks, with a line per secret and a summary', async () => {
    const r = await lsec(['push']);
    expect(r.code, r.stderr).toBe(0);
    expect(cloudValues()).toEqual({ alpha: 'A1', beta: 'B1' });
    expect(writes(s)).toEqual([
      'POST /v1/projects/project-1/secrets',
      'POST /v1/projects/project-1/secrets',
    ]);
    expect(r.stdout).toMatch(/\[1\/2\] created\s+alpha/);
    expect(r.stdout).toMatch(/\[2\/2\] created\s+beta/);
    expect(r.stderr).toContain('2 created, 0 updated, 0 unchanged, 0 failed');
    expect(r.stdout + r.stderr).not.toMatch(/A1|B1/);
  });

  it('a second push sends no PUT or POST: nothing changed', async () => {
    const from = s.requests.length;
    const r = await lsec(['push']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(s, from)).toEqual([]);
    expect(r.stderr).toContain('0 created, 0 updated, 2 unchanged, 0 failed');
  });

  it('a changed value is updated by id (PUT), the unchanged one is skipped', async () => {
    expect((await lsec(['set', 'alpha'], 'A2')).code).toBe(0);
    const alpha = s.secretsOf().find((x) => x.name === 'alpha')!;
    const from = s.requests.length;
    const r = await lsec(['push']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(s, from)).toEqual([`PUT /v1/projects/project-1/secrets/${alpha.id}`]);
    expect(s.requests.at(-1)!.body).toEqual({ value: 'A2' });
    expect(cloudValues()).toEqual({ alpha: 'A2', beta: 'B1' });
    expect(s.secretsOf()).toHaveLength(2); // updated in place, not duplicated
  });

  it('--force re-sends unchanged values', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(s, from).map((w) => w.split(' ')[0])).toEqual(['PUT', 'PUT']);
  });

  it('--dry-run lists what would happen and sends nothing', async () => {
    expect((await lsec(['set', 'beta'], 'B2')).code).toBe(0);
    const from = s.requests.length;
    const before = readVaultBytes(vault.home);
    const r = await lsec(['push', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('would skip (unchanged)  alpha\nwould update  beta\n');
    expect(r.stderr).toContain('dry run: nothing was sent to teamspace my-project (project-1)');
    // One list, no write; the cloud keeps its value and the vault records no push.
    expect(s.requests.slice(from).map((x) => `${x.method} ${x.path}`)).toEqual([
      'GET /v1/memberships',
      'GET /v1/projects/project-1/secrets',
    ]);
    expect(writes(s, from)).toEqual([]);
    expect(cloudValues().beta).toBe('B1');
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
  });

  it('NAME pushes only that secret; an unknown name is refused (2) before sending', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', 'beta']);
    expect(r.code, r.stderr).toBe(0);
    expect(writes(s, from)).toHaveLength(1);
    expect(cloudValues().beta).toBe('B2');
    const unknown = await lsec(['push', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
  });
});

describe('push races', () => {
  it('a name created in the cloud after the list (409) is updated, never duplicated', async () => {
    const s = await server();
    const lsec = cli(await initVault({ secrets: { race: 'mine' } }), s.env);
    // Someone creates "race" in the web UI between lsec's list and its create.
    beforeRouting(s, (r) => {
      if (r.method === 'POST') s.secretsOf().push(newSecret('race', 'theirs'));
    });
    const r = await lsec(['push']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/updated\s+race/);
    expect(s.secretsOf().map((x) => [x.name, x.value])).toEqual([['race', 'mine']]);
    expect(writes(s).map((w) => w.split(' ')[0])).toEqual(['POST', 'PUT']);
  });
});

describe('push failures', () => {
  it('a failed create exits 1 with a summary and records nothing; the next push retries', async () => {
    const s = await server();
    const vault = await initVault({ secrets: { gamma: 'G1', delta: 'D1' } });
    const lsec = cli(vault, s.env);
    failPosts(s, 1); // names go in order: delta's create fails, gamma's succeeds
    const r = await lsec(['push']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed\s+delta: .*HTTP 500/);
    expect(r.stderr).toContain('1 created, 0 updated, 0 unchanged, 1 failed');
    // Only what the cloud accepted is remembered.
    const doc = readDoc(vault.home);
    expect(doc.secrets.delta!.pushed).toBeUndefined();
    expect(doc.secrets.gamma!.pushed).toBeDefined();
    const from = s.requests.length;
    const again = await lsec(['push']);
    expect(again.code, again.stderr).toBe(0);
    expect(writes(s, from)).toEqual(['POST /v1/projects/project-1/secrets']);
    expect(
      s
        .secretsOf()
        .map((x) => x.name)
        .sort(),
    ).toEqual(['delta', 'gamma']);
  });

  it('when every create fails, the vault file is byte for byte unchanged', async () => {
    const s = await server();
    const vault = await initVault({ secrets: { gamma: 'G1' } });
    failPosts(s, 1);
    const before = readVaultBytes(vault.home);
    const r = await cli(vault, s.env)(['push']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 failed');
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
  });

  it('wrong credentials: exit 1, a message about credentials, the key never printed', async () => {
    const s = await server();
    const vault = await initVault({ secrets: { gamma: 'G1' } });
    const wrongKey = 'WRONG-api-key-7f3a9c';
    const env = { ...s.env, LIGHTNING_API_KEY: wrongKey };
    const before = readVaultBytes(vault.home);
    for (const args of [['push'], ['remote']]) {
      const r = await cli(vault, env)(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toContain('HTTP 401');
      expect(r.stderr).toContain('LIGHTNING_API_KEY');
      const all = r.stdout + r.stderr;
      const header = Buffer.from(`${s.userId}:${wrongKey}`).toString('base64');
      for (const hidden of [wrongKey, s.apiKey, header]) expect(all).not.toContain(hidden);
    }
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
    expect(s.secretsOf()).toEqual([]);
  });

  it('server down (closed port): exit 1 saying it could not connect', async () => {
    const s = await server();
    await s.close();
    const vault = await initVault({ secrets: { gamma: 'G1' } });
    for (const args of [['push'], ['remote']]) {
      const r = await cli(vault, s.env)(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toContain('connection refused');
      expect(r.stderr).toContain('LIGHTNING_CLOUD_URL');
    }
  });

  it('no credentials at all: exit 2 naming LIGHTNING_USER_ID and LIGHTNING_API_KEY', async () => {
    const vault = await initVault({ secrets: { gamma: 'G1' } });
    for (const args of [['push'], ['remote']]) {
      const r = await cli(vault, {})(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain('LIGHTNING_USER_ID');
      expect(r.stderr).toContain('LIGHTNING_API_KEY');
    }
    // Credentials are checked before the passphrase is asked: with neither, the
    // user hears about the credentials (2), not about the lock (3).
    const noPass = await runCli(['push'], {
      home: vault.home,
      env: { HOME: tempDir('lsec-userhome-') },
    });
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toContain('LIGHTNING_API_KEY');
    // A user id alone is no credential: as the SDK, the file is read, and there is none.
    const half = await cli(vault, { LIGHTNING_USER_ID: 'u' })(['push']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('no Lightning credentials found');
  });
});
