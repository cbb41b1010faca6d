// Issue 10 §6: deleting a secret in the TUI asks whether its cloud copy goes too,
// when the cloud has one. In a real terminal against the fake Lightning API: y deletes
// both (the server got the DELETE), n deletes only the vault's, and a secret with no
// cloud copy is asked about once, as before.
import { describe, expect, it } from 'vitest';
import { startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, lsecBin, PASSPHRASE, runCli, TEST_ITERATIONS } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

async function session() {
  const server = await startCloudServer({
    secrets: {
      'project-1': [
        { name: 'alpha', value: 'cloud-a' },
        { name: 'beta', value: 'cloud-b' },
      ],
    },
  });
  const { home, pass } = await initVault({
    secrets: { alpha: 'local-a', beta: 'local-b', gamma: 'local-g' },
  });
  const env = { ...server.env, LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json' };
  const term = await openTerminal({
    command: [process.execPath, lsecBin()],
    columns: 100,
    rows: 30,
    env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, NO_COLOR: '1', ...env },
  });
  await term.waitFor('› Passphrase');
  term.type(PASSPHRASE);
  term.keys('Enter');
  await term.waitFor(/❯ alpha .* untracked/);
  const names = async () => {
    const r = await runCli(['list', '--names'], { home, env: { HOME: home } });
    return r.stdout.trim().split('\n');
  };
  return { server, term, names, pass };
}

describe('deleting in the TUI with a cloud copy', () => {
  it('y then y deletes the vault copy and the cloud copy', async () => {
    const { server, term, names } = await session();
    try {
      term.type('d');
      await term.waitFor('Delete alpha? y/N');
      term.type('y');
      const asked = await term.waitFor(
        'Delete its cloud copy in project my-project (project-1) too? y/n',
      );
      expect(asked).toContain('n only the vault copy');
      term.type('y');
      await term.waitFor(/Deleted alpha and its cloud copy in project my-project/);
      expect(server.secretsOf().map((s) => s.name)).toEqual(['beta']);
      expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
      term.type('q');
      expect(await term.exitCode()).toBe(0);
      expect(await names()).toEqual(['beta', 'gamma']);
    } finally {
      await server.close();
    }
  });

  it('y then n keeps the cloud copy; a secret without one is asked once', async () => {
    const { server, term, names } = await session();
    try {
      term.type('d');
      await term.waitFor('Delete alpha? y/N');
      term.type('y');
      await term.waitFor('Delete its cloud copy');
      term.type('n');
      // Gone from the vault, still in the cloud: the row stays, as a cloud-only one.
      await term.waitFor(/❯ alpha .* cloud only/);
      expect(server.secretsOf().map((s) => s.name)).toEqual(['alpha', 'beta']);
      // gamma is not in the cloud: one question, no cloud request.
      term.keys('Down');
      term.keys('Down');
      await term.waitFor(/❯ gamma/);
      term.type('d');
      await term.waitFor('Delete gamma? y/N');
      term.type('y');
      await term.waitFor(/Deleted gamma/);
      expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      term.type('q');
      expect(await term.exitCode()).toBe(0);
      expect(await names()).toEqual(['beta']);
    } finally {
      await server.close();
    }
  });
});
