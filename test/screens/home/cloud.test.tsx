// Home with the Lightning cloud: each secret's state, cloud-only rows, the project in
// the title, "checking cloud…" while the list loads, and failures as a line in place.
import { describe, expect, it } from 'vitest';
import { cloudEnvOf } from '../../../src/tui.js';
import { newSecret } from '../../fixtures/cloud-server-util.js';
import { KEYS } from '../../helpers/ink.js';
import { linesOf } from '../fixtures.js';
import { closedServerUrl, cloudSetup, openApp, rowOf } from './cloud-app.js';

const WAIT = 10_000; // a bound for failure only: the tests wait for states
const DATE = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d`;

describe('home: cloud states', () => {
  it('shows each state, cloud-only rows and the project', async () => {
    const { home, vault, env } = await cloudSetup({
      secrets: { 'aws-key': 'a', 'db-password': 'b', 'gh-token': 'c', 'openai-key': 'd' },
      pushed: ['aws-key', 'gh-token'],
      remote: { 'openai-key': 'web', 'web-token': 'w' },
    });
    await vault.write([['gh-token', 'edited']], 'replace');
    const ui = openApp(home, env);
    const frame = await ui.waitFor(
      (f) => f.includes('cloud: my-project') && !f.includes('…  '),
      WAIT,
    );
    expect(frame).toMatch(/NAME +UPDATED +CLOUD +VALUE/);
    expect(rowOf(frame, 'aws-key')).toMatch(new RegExp(`${DATE}  in sync +••••••••`));
    expect(rowOf(frame, 'db-password')).toMatch(/ not pushed +••••••••/);
    expect(rowOf(frame, 'gh-token')).toMatch(/ changed +••••••••/);
    expect(rowOf(frame, 'openai-key')).toMatch(/ untracked +••••••••/);
    // A cloud-only secret has no local value: no mask, and it is not counted.
    expect(rowOf(frame, 'web-token')).toMatch(/ cloud only +—$/);
    expect(frame).toContain('4 secrets');
    expect(linesOf(frame).length).toBeLessThanOrEqual(23);
    // No frame shows the listed cloud without its own secrets among the rows.
    const listed = ui.frames.filter((f) => f.includes('cloud: my-project'));
    expect(listed.filter((f) => !f.includes('web-token'))).toEqual([]);
  });

  it('at 40 columns the cloud column and the mask share the row: no line runs past it', async () => {
    const { home, env } = await cloudSetup({
      secrets: { 'a-rather-long-secret-name': 'a', 'db-password': 'b' },
      pushed: ['db-password'],
    });
    const ui = openApp(home, env, { columns: 40, rows: 12 });
    const frame = await ui.waitFor((f) => f.includes('not pushed'), WAIT);
    const rows = linesOf(frame).filter((l) => new RegExp(DATE).test(l));
    expect(rows).toHaveLength(2);
    for (const line of linesOf(frame)) expect(line.length).toBeLessThanOrEqual(40);
    // The cloud state is whole; what does not fit is cut at the end, with a visible …
    expect(rows[0]).toMatch(/ not pushed +•*…$/);
    expect(rows[1]).toMatch(/ in sync +•*…$/);
  });

  it('R asks the cloud again: a secret made in the web UI meanwhile appears', async () => {
    const { home, server, env } = await cloudSetup({ secrets: { alpha: '1' } });
    const ui = openApp(home, env);
    await ui.waitFor((f) => f.includes('cloud: my-project') && f.includes('not pushed'), WAIT);
    const lists = () =>
      server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/secrets')).length;
    const before = lists();
    server.secretsOf().push(newSecret('web-made', 'w'));
    await ui.write('R');
    const frame = await ui.waitFor((f) => rowOf(f, 'web-made') !== '', WAIT);
    expect(rowOf(frame, 'web-made')).toMatch(/ cloud only +—$/);
    expect(lists()).toBe(before + 1);
  });

  it('says "checking cloud…" while the list is on its way, and keys work meanwhile', async () => {
    const { home, server, env } = await cloudSetup({ secrets: { alpha: '1', beta: '2' } });
    // The list stays on its way until the test lets the cloud answer.
    server.hold((r) => r.path.endsWith('/secrets'));
    const ui = openApp(home, env);
    const checking = await ui.waitFor('checking cloud…', WAIT);
    expect(rowOf(checking, 'alpha')).toMatch(/ … +••••••••/);
    await ui.waitFor(() => server.held() === 1, WAIT);
    await ui.write('j');
    expect(ui.lastFrame()).toMatch(/❯ beta/);
    expect(ui.lastFrame()).toContain('checking cloud…');
    server.releaseAll();
    const ready = await ui.waitFor('cloud: my-project', WAIT);
    expect(rowOf(ready, 'beta')).toContain('not pushed');
  });

  it('without credentials shows no column and sends nothing', async () => {
    const { home, server } = await cloudSetup({ secrets: { alpha: '1' } });
    const ui = openApp(home, undefined);
    const frame = await ui.waitFor('❯ alpha', WAIT);
    expect(frame).not.toMatch(/CLOUD|cloud/);
    // A reload is where the list would ask the cloud: wait until it has happened.
    await ui.write('R');
    const reloaded = await ui.waitFor('Reloaded', WAIT);
    expect(reloaded).not.toMatch(/CLOUD|cloud/);
    expect(reloaded).toMatch(new RegExp(`❯ alpha +${DATE}  ••••••••`));
    expect(server.requests).toEqual([]);
  });

  it('a wrong API key is one line with the credentials hint; the list works on', async () => {
    const { home, env } = await cloudSetup({ secrets: { alpha: '1', beta: '2' } });
    const ui = openApp(home, { ...env, LIGHTNING_API_KEY: 'wrong-key-123' }, { columns: 80 });
    const frame = await ui.waitFor('✗', WAIT);
    expect(frame).toContain('✗ The Lightning cloud refused the credentials (HTTP 401)');
    expect(frame).toContain('  check LIGHTNING_USER_ID / LIGHTNING_API_KEY');
    expect(frame).toContain('cloud (unavailable)');
    expect(frame).not.toContain('CLOUD');
    expect(frame).not.toContain('wrong-key-123');
    await ui.write('j');
    expect(ui.lastFrame()).toMatch(/❯ beta/);
    expect(linesOf(ui.lastFrame()).length).toBeLessThanOrEqual(23);
  });

  it('an unreachable cloud is one line saying so', async () => {
    const { home, env } = await cloudSetup({ secrets: { alpha: '1' } });
    const ui = openApp(home, { ...env, LIGHTNING_CLOUD_URL: await closedServerUrl() });
    const frame = await ui.waitFor('✗', WAIT);
    expect(frame).toMatch(/✗ Could not reach the Lightning cloud at http:\/\/127\.0\.0\.1:\d+/);
    expect(frame).toContain('check LIGHTNING_CLOUD_URL');
    expect(frame).toMatch(/❯ alpha/);
  });

  it("makes the server's words and cloud-only names printable", async () => {
    const { home, server, env } = await cloudSetup({
      secrets: { alpha: '1' },
      remote: { 'evil\u001b]0;pwned\u0007name': 'x' },
    });
    const ui = openApp(home, env, { columns: 140 });
    const frame = await ui.waitFor('cloud only', WAIT);
    expect(frame).toContain('evil^[]0;pwned^G');
    expect(frame).not.toContain('\u001b]0;');
    // Adding a secret reloads the list; that reload fails with hostile server text.
    server.failNext(3, { status: 500, message: 'down\u001b[2J\u202ehere' });
    await ui.write('a');
    await ui.waitFor('› Name');
    await ui.write(`beta${KEYS.enter}`);
    await ui.waitFor('› Value');
    await ui.write(`v${KEYS.enter}`);
    const failed = await ui.waitFor('✗', WAIT);
    expect(failed).toContain('down^[[2J\\u202ehere');
    expect(failed).not.toMatch(/\u001b\[2J|\u202e/);
    // The last good list stays: states are still shown.
    expect(rowOf(failed, 'alpha')).toContain('not pushed');
    expect(rowOf(failed, 'beta')).toContain('not pushed');
  });

  it('keys that need a value say a cloud-only secret has none', async () => {
    const { home, env } = await cloudSetup({ secrets: { alpha: '1' }, remote: { beta: 'w' } });
    const ui = openApp(home, env);
    await ui.waitFor('cloud only', WAIT);
    await ui.press('j', 'r');
    expect(ui.lastFrame()).toContain('beta exists only in the cloud: no local value to reveal');
    await ui.write('e');
    expect(ui.lastFrame()).toContain('no local value to edit');
    expect(ui.lastFrame()).toContain('lsec · secrets');
  });

  it('a 2,000-secret vault gets its states without holding the keys', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `secret-${String(i).padStart(4, '0')}`);
    const { home, server, env } = await cloudSetup({
      secrets: Object.fromEntries(names.map((n) => [n, `value-${n}`])),
      pushed: names,
    });
    // The cloud's list is held back: End must move the cursor while the states are
    // still unknown, then the rows in view are compared first.
    server.hold((r) => r.path.endsWith('/secrets'));
    const ui = openApp(home, env);
    await ui.waitFor('checking cloud…', WAIT);
    await ui.waitFor(() => server.held() === 1, WAIT);
    await ui.write(KEYS.end);
    const moved = ui.lastFrame();
    expect(moved).toMatch(/❯ secret-1999/);
    expect(moved).toContain('checking cloud…');
    server.releaseAll();
    const frame = await ui.waitFor((f) => rowOf(f, 'secret-1999').includes('in sync'), WAIT);
    expect(frame).toMatch(/❯ secret-1999/);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/memberships',
      'GET /v1/projects/project-1/secrets',
    ]);
  });
});

describe('cloudEnvOf', () => {
  const none = { LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json' };
  it('is undefined without credentials, so the TUI sends nothing', () => {
    expect(cloudEnvOf(none)).toBeUndefined();
  });
  it('passes the environment on when credentials are set, in each form the SDK takes', () => {
    for (const creds of [
      { LIGHTNING_USER_ID: 'u', LIGHTNING_API_KEY: 'k' },
      { LIGHTNING_API_KEY: 'k' },
      { LIGHTNING_AUTH_TOKEN: 't' },
    ]) {
      const env = { ...none, ...creds };
      expect(cloudEnvOf(env)).toBe(env);
    }
    // A user id alone is no credential: as the SDK, lsec then reads the file (none here).
    expect(cloudEnvOf({ ...none, LIGHTNING_USER_ID: 'u' })).toBeUndefined();
  });
});
