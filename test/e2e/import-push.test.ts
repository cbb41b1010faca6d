// A normal .env goes import → push through the real binary against the stand-in API
// (test/fixtures/cloud-server.ts). Import names each secret as its key is written, so
// `OPENAI_API_KEY` stays a name today's Lightning accepts ("_", not "-"), and push to
// the teamspace sends it as it is. Import once named it `openai-api-key`, which push
// then refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, tempDir } from '../helpers/cli.js';

let s: CloudServer;
beforeAll(async () => {
  s = await startCloudServer();
});
afterAll(() => s.close());

describe('import then push --scope teamspace', () => {
  it('sends OPENAI_API_KEY under the key as written', async () => {
    const { home, pass } = await initVault();
    const dir = tempDir('lsec-proj-');
    writeFileSync(join(dir, '.env'), 'OPENAI_API_KEY=SENTINEL-OPENAI\n');
    const lsec = (args: string[]) =>
      runCli([...args, '--passphrase-file', pass], {
        home,
        cwd: dir,
        env: { HOME: tempDir('lsec-userhome-'), ...s.env },
      });

    const imported = await lsec(['import', '.env']);
    expect(imported.code, imported.stderr).toBe(0);
    const pushed = await lsec(['push', '--scope', 'teamspace']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toMatch(/created\s+OPENAI_API_KEY/);
    expect(pushed.stderr).toContain('1 created, 0 updated, 0 unchanged, 0 failed');
    expect(s.secretsOf().map((x) => [x.name, x.value])).toEqual([
      ['OPENAI_API_KEY', 'SENTINEL-OPENAI'],
    ]);
    // The values went to the API only, never to the terminal.
    expect(`${imported.stdout}${imported.stderr}${pushed.stdout}${pushed.stderr}`).not.toContain(
      'SENTINEL',
    );
  });
});
