// Issue 10 §6 through the real binary: `lsec remote rm NAME... [--yes]` deletes cloud
// secrets (asks on a terminal, needs --yes otherwise, exit 1 naming any that failed),
// and `push` refuses an empty value, naming it and the fix, while pushing the rest.
import { afterEach, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, lsecBin, runCli, tempDir } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

let s: CloudServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function cloudWith(...names: string[]): Promise<CloudServer> {
  s = await startCloudServer({
    secrets: { 'project-1': names.map((name) => ({ name, value: `v-${name}` })) },
  });
  return s;
}

const lsec = (srv: CloudServer, args: string[], home = tempDir('lsec-home-')) =>
  runCli(args, { home, env: { HOME: tempDir('lsec-userhome-'), ...srv.env } });

const left = (srv: CloudServer) => srv.secretsOf().map((x) => x.name);

describe('lsec remote rm', () => {
  it('not on a terminal, it needs --yes and deletes nothing without it', async () => {
    const srv = await cloudWith('alpha');
    const r = await lsec(srv, ['remote', 'rm', 'alpha']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes: lsec remote rm alpha --yes');
    expect(srv.requests).toEqual([]);
    expect(left(srv)).toEqual(['alpha']);
  });

  it('--yes deletes each named secret by id and says where', async () => {
    const srv = await cloudWith('alpha', 'beta', 'gamma');
    const r = await lsec(srv, ['remote', 'rm', 'alpha', 'gamma', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('deleted alpha from teamspace my-project (project-1)');
    expect(left(srv)).toEqual(['beta']);
    expect(srv.requests.filter((q) => q.method === 'DELETE')).toHaveLength(2);
  });

  it('exit 1 naming the ones that failed; the others are deleted', async () => {
    const srv = await cloudWith('alpha', 'beta');
    let deletes = 0;
    const log = srv.requests;
    log.push = (...entries) => {
      for (const e of entries) if (e.method === 'DELETE' && deletes++ === 0) srv.failNext(1, 403);
      return Array.prototype.push.apply(log, entries);
    };
    const r = await lsec(srv, ['remote', 'rm', 'alpha', 'nowhere', 'beta', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nowhere: not in teamspace my-project');
    expect(r.stderr).toContain('alpha: the cloud refused DELETE');
    expect(r.stderr).toMatch(/not deleted: nowhere, alpha$/m);
    expect(left(srv)).toEqual(['alpha']);
  });

  it('on a terminal it asks, and only y deletes', async () => {
    const srv = await cloudWith('alpha');
    const open = () =>
      openTerminal({
        command: [process.execPath, lsecBin(), 'remote', 'rm', 'alpha'],
        columns: 100,
        rows: 10,
        env: { LSEC_HOME: tempDir('lsec-home-'), HOME: tempDir(), ...srv.env },
      });
    const no = await open();
    await no.waitFor(
      /Delete 1 secret from teamspace my-project \(project-1\) \(alpha\)\? \[y\/N\]/,
    );
    no.keys('Enter');
    expect(await no.exitCode()).toBe(0);
    expect(left(srv)).toEqual(['alpha']);
    const yes = await open();
    await yes.waitFor('[y/N]');
    yes.type('y');
    yes.keys('Enter');
    expect(await yes.exitCode()).toBe(0);
    expect(left(srv)).toEqual([]);
  });
});

describe('push and empty values', () => {
  it('refuses an empty value naming the secret and the fix, and pushes the rest', async () => {
    const srv = await cloudWith();
    const vault = await initVault({ secrets: { full: 'x1', empty: '' } });
    const r = await runCli(['push', '--passphrase-file', vault.pass], {
      home: vault.home,
      env: { HOME: tempDir(), ...srv.env },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/refused +empty: the value is empty/);
    expect(r.stdout).toContain('lsec set empty');
    expect(left(srv)).toEqual(['full']);
    expect(srv.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });
});
