// p on home through the real root and the fake Lightning API: what is asked, the
// progress lines, the summary, what the vault records, and the states afterwards.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE, readVaultBytes } from '../../helpers/cli.js';
import { KEYS } from '../../helpers/ink.js';
import { cloudSetup, openApp, reopened, rowOf } from '../home/cloud-app.js';

const WAIT = 10_000; // a bound for failure only: the tests wait for states
const posts = (server: { requests: { method: string; body: unknown }[] }) =>
  server.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { name: string }).name);

async function atHome(ui: ReturnType<typeof openApp>) {
  return ui.waitFor((f) => f.includes('cloud: my-project') && !f.includes('…  '), WAIT);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('push screen', () => {
  it('auto-lock during a push: nothing more is read or sent, and the next push finishes the job', async () => {
    const { home, server, vault, env } = await cloudSetup({
      secrets: { alpha: '1', beta: '2', gamma: '3' },
    });
    // The idle time is the subject: it runs on fake time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ui = openApp(home, env, { autolockMs: 60_000 });
    await atHome(ui);
    server.hold((r) => r.method === 'POST');
    await ui.press('p', 'a');
    await ui.waitFor(() => server.held() === 1, WAIT);
    expect(posts(server)).toEqual(['alpha']);
    const before = readVaultBytes(vault.home);

    vi.advanceTimersByTime(60_000);
    const locked = await ui.waitFor('Locked after 1 min', WAIT);
    expect(locked).toContain('› Passphrase');
    expect(locked).not.toContain('Pushing');
    // The cloud answers alpha only now: the locked push must not go on to beta.
    server.releaseAll();
    const sentAtLock = server.requests.length;

    await ui.press(PASSPHRASE, KEYS.enter);
    await atHome(ui);
    // Nothing was recorded by the locked push (the vault was locked), nothing else sent.
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
    expect(server.requests.slice(sentAtLock).filter((r) => r.method !== 'GET')).toEqual([]);
    await ui.press('p', 'a');
    const done = await ui.waitFor('Done', WAIT);
    expect(done).toMatch(/\[2\/3\] created +beta/);
    expect(done).toMatch(/\[3\/3\] created +gamma/);
    expect(posts(server)).toEqual(['alpha', 'beta', 'gamma']);
    expect(server.secretsOf().map((s) => [s.name, s.value])).toEqual([
      ['alpha', '1'],
      ['beta', '2'],
      ['gamma', '3'],
    ]);
  });

  it('Enter pushes the selected secret; the vault records it and home shows "in sync"', async () => {
    const { home, server, vault, env } = await cloudSetup({ secrets: { alpha: 'a1', beta: 'b1' } });
    const ui = openApp(home, env);
    await atHome(ui);
    await ui.write('p');
    const asked = await ui.waitFor('Push to project my-project (project-1):');
    expect(asked).toContain('Enter  push 1 secret: alpha');
    expect(asked).toContain('a      push all 2 secrets');
    await ui.write(KEYS.enter);
    const done = await ui.waitFor('Done', WAIT);
    expect(done).toMatch(/\[1\/1\] created +alpha/);
    expect(done).toContain('✓ Done: 1 created, 0 updated, 0 unchanged, 0 failed');
    expect(posts(server)).toEqual(['alpha']);
    expect(server.secretsOf().map((s) => [s.name, s.value])).toEqual([['alpha', 'a1']]);

    const after = await reopened(vault);
    expect(after.pushedFingerprint('alpha')).toBe(after.fingerprint('alpha', 'a1'));
    expect(after.pushedFingerprint('beta')).toBeUndefined();

    await ui.write('x');
    const back = await ui.waitFor((f) => rowOf(f, 'alpha').includes('in sync'), WAIT);
    expect(rowOf(back, 'beta')).toContain('not pushed');
    expect(back).toContain(
      '✓ Pushed to my-project (project-1): 1 created, 0 updated, 0 unchanged, 0 failed',
    );
  });

  it('a pushes all, one progress line per secret as each is sent', async () => {
    const { home, server, env } = await cloudSetup({
      secrets: { alpha: '1', beta: '2', gamma: '3' },
      pushed: ['gamma'],
    });
    const ui = openApp(home, env);
    await atHome(ui);
    // The cloud answers one POST at a time, when the test says so.
    server.hold((r) => r.method === 'POST');
    await ui.press('p', 'a');
    await ui.waitFor(() => server.held() === 1, WAIT);
    expect(posts(server)).toEqual(['alpha']);
    server.releaseNext();
    const midway = await ui.waitFor(/\[1\/3\] created +alpha/, WAIT);
    expect(midway).not.toContain('[2/3]');
    expect(midway).toMatch(/Pushing… 1 of 3 done/);
    server.releaseAll();
    const done = await ui.waitFor('Done', WAIT);
    expect(done).toContain('Pushed all 3 secrets to project my-project (project-1)');
    expect(done).toMatch(/\[2\/3\] created +beta/);
    expect(done).toMatch(/\[3\/3\] unchanged +gamma/);
    expect(done).toContain('Done: 2 created, 0 updated, 1 unchanged, 0 failed');
    expect(posts(server)).toEqual(['alpha', 'beta']);
  });

  it('a secret the cloud refuses is reported and keeps no fingerprint; the rest go on', async () => {
    const { home, server, vault, env } = await cloudSetup({
      secrets: { alpha: '1', beta: '2', gamma: '3' },
    });
    const ui = openApp(home, env, { columns: 160 });
    await atHome(ui);
    server.hold((r) => r.method === 'POST');
    await ui.press('p', 'a');
    // The POST for alpha has arrived (its answer is held): the next request is beta's.
    await ui.waitFor(() => server.held() === 1, WAIT);
    server.failNext(1, { status: 500, message: 'storage is full' });
    server.releaseAll();
    const done = await ui.waitFor('not pushed:', WAIT);
    expect(done).toMatch(/\[2\/3\] failed +beta: .*HTTP 500.*storage is full/);
    expect(done).toMatch(/\[3\/3\] created +gamma/);
    expect(done).toContain('✗ 1 not pushed: 2 created, 0 updated, 0 unchanged, 1 failed');
    const after = await reopened(vault);
    expect(after.pushedFingerprint('alpha')).toBeDefined();
    expect(after.pushedFingerprint('beta')).toBeUndefined();
    expect(after.pushedFingerprint('gamma')).toBeDefined();
    await ui.write('x');
    const back = await ui.waitFor((f) => rowOf(f, 'gamma').includes('in sync'), WAIT);
    expect(rowOf(back, 'beta')).toContain('not pushed');
  });

  it('401 on the list: nothing is sent or written, and the credentials hint shows', async () => {
    const { home, server, vault, env } = await cloudSetup({ secrets: { alpha: '1' } });
    const ui = openApp(home, env);
    await atHome(ui);
    const before = readVaultBytes(vault.home);
    server.failNext(1, 401);
    await ui.press('p', KEYS.enter);
    const failed = await ui.waitFor('Nothing was pushed', WAIT);
    expect(failed).toContain('✗ The cloud refused GET /v1/projects/project-1/secrets: HTTP 401');
    expect(failed).toContain('check LIGHTNING_USER_ID / LIGHTNING_API_KEY');
    expect(failed).not.toContain(server.apiKey);
    expect(posts(server)).toEqual([]);
    expect(readVaultBytes(vault.home).equals(before)).toBe(true);
    await ui.write(KEYS.enter);
    await ui.waitFor('lsec · secrets');
  });

  it('on a cloud-only row only "all" is offered, and Esc cancels', async () => {
    const { home, server, env } = await cloudSetup({
      secrets: { alpha: '1' },
      remote: { beta: 'w' },
    });
    const ui = openApp(home, env);
    await ui.waitFor((f) => rowOf(f, 'beta').includes('cloud only'), WAIT);
    await ui.press('j', 'p');
    const asked = await ui.waitFor('Push to project my-project (project-1):');
    expect(asked).toContain('beta exists only in the cloud: it has no local value to push.');
    expect(asked).toContain('Enter  push all 1 secret');
    expect(asked).not.toContain('push 1 secret:');
    const sent = server.requests.length;
    await ui.write(KEYS.esc);
    await ui.waitFor('lsec · secrets');
    expect(server.requests.length).toBe(sent);
  });

  it('without credentials p says at once how to set them', async () => {
    const { home, server } = await cloudSetup({ secrets: { alpha: '1' } });
    const ui = openApp(home, undefined);
    await ui.waitFor('❯ alpha', WAIT);
    await ui.press('p');
    const failed = await ui.waitFor('Nothing was pushed', WAIT);
    expect(failed).toContain('✗ No Lightning credentials found');
    expect(failed).toContain('set LIGHTNING_USER_ID and LIGHTNING_API_KEY');
    expect(server.requests).toEqual([]);
  });
});
