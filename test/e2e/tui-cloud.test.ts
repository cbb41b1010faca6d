// The TUI against the fake Lightning API in a real terminal: unlock, see which
// secrets the cloud lacks, press p, confirm, and see them "in sync"; the server
// received the POST and the vault remembers it (a second push sends nothing).
import { describe, expect, it } from 'vitest';
import { startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, lsecBin, PASSPHRASE, runCli, TEST_ITERATIONS } from '../helpers/cli.js';
import { drawnLines, openTerminal, type Terminal } from '../helpers/tmux.js';

function expectTidy(term: Terminal, screen: string): void {
  const lines = drawnLines(screen);
  expect(lines.length).toBeLessThanOrEqual(term.rows - 1);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(term.columns);
}

describe('the TUI with the Lightning cloud', () => {
  it.each([
    [100, 30],
    [80, 24],
  ])('pushes the selected secret with p at %i×%i', async (columns, rows) => {
    const server = await startCloudServer({
      secrets: { 'project-1': [{ name: 'web-token', value: 'made in the web UI' }] },
    });
    try {
      const { home, pass } = await initVault({
        secrets: { githubtoken: 'ghp_e2e', openaikey: 'sk_e2e' },
      });
      const env = { ...server.env, LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json' };
      const term = await openTerminal({
        command: [process.execPath, lsecBin()],
        columns,
        rows,
        env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, NO_COLOR: '1', ...env },
      });
      await term.waitFor('› Passphrase');
      term.type(PASSPHRASE);
      term.keys('Enter');
      const listed = await term.waitFor(/❯ githubtoken .* not pushed +••••••••/);
      expect(listed).toContain('cloud: my-project');
      expect(listed).toMatch(/ {2}web-token .* cloud only +—/);
      expectTidy(term, listed);

      term.type('p');
      const asked = await term.waitFor('Push to project my-project (project-1):');
      expect(asked).toContain('Enter  push 1 secret: githubtoken');
      expectTidy(term, asked);
      term.keys('Enter');
      const done = await term.waitFor('Done: 1 created');
      expect(done).toMatch(/\[1\/1\] created +githubtoken/);
      expectTidy(term, done);

      term.type('x');
      const synced = await term.waitFor(/❯ githubtoken .* in sync +••••••••/);
      expect(synced).toMatch(/ {2}openaikey .* not pushed/);
      expectTidy(term, synced);
      term.type('q');
      expect(await term.exitCode()).toBe(0);

      const posts = server.requests.filter((r) => r.method === 'POST');
      expect(posts.map((r) => (r.body as { name: string }).name)).toEqual(['githubtoken']);
      expect(server.secretsOf().find((s) => s.name === 'githubtoken')?.value).toBe('ghp_e2e');
      // The fingerprint was recorded: the command line sees it unchanged.
      const again = await runCli(['push', 'githubtoken', '--passphrase-file', pass], {
        home,
        env,
      });
      expect(again.stderr).toContain('0 created, 0 updated, 1 unchanged, 0 failed');
    } finally {
      await server.close();
    }
  });
});
