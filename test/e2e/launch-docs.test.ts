// Issue 10 §1: the "Encrypted Secrets" page's own example, made with lsec and launched
// through Lightning's parser (click, 1.9.5), comes out byte for byte; names the cloud
// lists outside lsec's rule can be mapped as cloud-only secrets when argv-safe.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, tempDir } from '../helpers/cli.js';
import { withClick } from '../helpers/click-lightning.js';

let s: CloudServer;
beforeAll(async () => {
  s = await startCloudServer({
    secrets: {
      'project-1': [
        { name: 'web ui token', value: 'w' },
        { name: 'ok:name', value: 'v' },
      ],
    },
  });
});
afterAll(() => s.close());

function folder(): string {
  const dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  return dir;
}

describe("the docs' example", () => {
  it("lsec add github_api_token, map api_token=github_api_token, launch app.py: the page's argv", async () => {
    const { home, pass } = await initVault();
    const dir = folder();
    const add = await runCli(['add', 'github_api_token', '--passphrase-file', pass], {
      home,
      cwd: dir,
      input: 'ghp_docs',
    });
    expect(add.code, add.stderr).toBe(0);
    const map = await runCli(['map', 'api_token=github_api_token'], { home, cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    const r = await withClick(['launch', 'app.py'], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches).toHaveLength(1);
    // lightning run app app.py --cloud --secret api_token=github_api_token
    expect(r.launches[0]!.argv).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--secret',
      'api_token=github_api_token',
    ]);
    expect(r.launches[0]!.parsed?.secret).toEqual([['api_token', 'github_api_token']]);
    const dry = await withClick(['launch', '--dry-run'], { home, cwd: dir });
    expect(dry.stdout).toBe(
      `${dry.launcher} run app app.py --cloud --secret api_token=github_api_token\n`,
    );
  });

  it('a default env name is upper-cased with "-" and "." turned into "_"', async () => {
    const { defaultEnvName } = await import('../../src/store/names.js');
    expect(defaultEnvName('github_api_token')).toBe('GITHUB_API_TOKEN');
    expect(defaultEnvName('db.url-prod')).toBe('DB_URL_PROD');
  });
});

describe('cloud-only names outside the rule', () => {
  it('maps a name the cloud lists when it is argv-safe, and launches it', async () => {
    const { home } = await initVault();
    const dir = folder();
    const map = await runCli(['map', 'TOKEN=ok:name'], { home, cwd: dir, env: s.env });
    expect(map.code, map.stderr).toBe(0);
    expect(map.stderr).toContain('(cloud-only)');
    const r = await withClick(['launch', 'app.py'], { home, cwd: dir, env: s.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches[0]!.parsed?.secret).toEqual([['TOKEN', 'ok:name']]);
  });

  it('refuses one the cloud lists that is not argv-safe, saying why', async () => {
    const { home } = await initVault();
    const dir = folder();
    const map = await runCli(['map', 'TOKEN=web ui token'], { home, cwd: dir, env: s.env });
    expect(map.code).toBe(2);
    expect(map.stderr).toContain('whitespace or a control character');
  });

  it('refuses an argv-safe name outside the rule that the cloud does not list', async () => {
    const { home } = await initVault();
    const dir = folder();
    const map = await runCli(['map', 'TOKEN=not:listed'], { home, cwd: dir, env: s.env });
    expect(map.code).toBe(2);
    expect(map.stderr).toContain('only be mapped when the Lightning cloud lists it');
  });
});
