// A cloud launch checks, with one list call, that every mapped secret exists in the
// Lightning project; otherwise Lightning would fail mid-launch with a traceback
// ("Secret with name 'X' not found"). Through the real binary, the fake Lightning
// API and the fake launcher: refused names come with the command that fixes them,
// cloud-only secrets (made in the web UI) are fine, --no-verify sends nothing, and
// without credentials the launch goes on after a one-line notice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, tempDir } from '../helpers/cli.js';
import { launchWithFake } from '../helpers/launch.js';

let s: CloudServer;
let home: string;

beforeAll(async () => {
  // in-both: pushed; vault-only: never pushed; cloud-only: made in the web UI.
  s = await startCloudServer({
    secrets: {
      'project-1': [
        { name: 'in-both', value: 'v' },
        { name: 'cloud-only', value: 'w' },
      ],
    },
  });
  ({ home } = await initVault({ secrets: { 'in-both': 'v', 'vault-only': 'x' } }));
});
afterAll(() => s.close());

async function launch(secrets: Record<string, string>, args: string[], cloudEnv = s.env) {
  const dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  const profile = { app: 'app.py', env: {}, secrets };
  writeFileSync(
    join(dir, '.lsec.json'),
    JSON.stringify({ version: 1, profiles: { default: profile } }),
  );
  const from = s.requests.length;
  const r = await launchWithFake(args, { home, cwd: dir, env: cloudEnv });
  return { ...r, requests: s.requests.slice(from) };
}

describe('launch verifies the cloud has each mapped secret', () => {
  it('refuses (exit 2, nothing spawned) naming `lsec push NAME` for each missing one', async () => {
    const r = await launch({ A: 'in-both', B: 'vault-only', C: 'nowhere' }, []);
    expect(r.code).toBe(2);
    expect(r.launches).toEqual([]);
    expect(r.stderr).toContain('fix: lsec push vault-only');
    expect(r.stderr).toContain('fix: lsec add nowhere, then lsec push nowhere');
    expect(r.stderr).not.toContain('in-both');
    expect(r.stderr).toContain('2 problems');
  });

  it('accepts a secret that exists only in the cloud, with one read-only list call', async () => {
    const r = await launch({ A: 'cloud-only', B: 'in-both' }, []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches).toHaveLength(1);
    expect(r.launches[0]!.argv).toContain('A=cloud-only');
    expect(r.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /v1/memberships',
      'GET /v1/projects/project-1/secrets',
    ]);
  });

  it('--no-verify skips the check: no request reaches the cloud', async () => {
    const r = await launch({ B: 'vault-only' }, ['--no-verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.requests).toEqual([]);
    expect(r.launches[0]!.argv).toContain('B=vault-only');
    // A secret made in the web UI launches too: the user vouches for it.
    const webUi = await launch({ C: 'cloud-only' }, ['--no-verify']);
    expect(webUi.code, webUi.stderr).toBe(0);
    expect(webUi.requests).toEqual([]);
    expect(webUi.launches[0]!.argv).toContain('C=cloud-only');
  });

  it('--dry-run checks the same way, so its answer matches the launch', async () => {
    const ok = await launch({ A: 'cloud-only' }, ['--dry-run']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('--secret A=cloud-only');
    const missing = await launch({ B: 'vault-only' }, ['--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('lsec push vault-only');
    for (const r of [ok, missing]) {
      expect(r.launches).toEqual([]);
      expect(r.requests.every((q) => q.method === 'GET')).toBe(true);
    }
  });

  it('without credentials: one notice line, and the launch goes on', async () => {
    const r = await launch({ B: 'vault-only' }, [], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.requests).toEqual([]);
    expect(r.launches).toHaveLength(1);
    const notice = r.stderr.split('\n').filter((line) => /credentials/.test(line));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('not checking');
  });

  it('a failed check (wrong key, cloud down) exits 1, spawns nothing, points at --no-verify', async () => {
    const wrongKey = 'WRONG-key-51c0ffee';
    const refused = await launch({ A: 'in-both' }, [], { ...s.env, LIGHTNING_API_KEY: wrongKey });
    const down = await startCloudServer();
    await down.close();
    const unreachable = await launch({ A: 'in-both' }, [], down.env);
    for (const r of [refused, unreachable]) {
      expect(r.code).toBe(1);
      expect(r.launches).toEqual([]);
      expect(r.stderr).toContain('--no-verify skips this check');
    }
    expect(refused.stderr).toContain('HTTP 401');
    expect(refused.stderr).not.toContain(wrongKey);
    expect(unreachable.stderr).toContain('connection refused');
  });

  it('a local launch never talks to the cloud', async () => {
    const r = await launch({ B: 'vault-only' }, ['--local', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.requests).toEqual([]);
  });
});
