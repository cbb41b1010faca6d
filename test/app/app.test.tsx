// The root: screens wired together, the one exit, Ctrl+C everywhere, auto-lock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, tempHome } from '../helpers/cli.js';
import { type InkHarness, KEYS, renderInk } from '../helpers/ink.js';
import { ITERATIONS, vaultWith } from '../screens/fixtures.js';

const ROWS = 16;

function start(home: string, options: { autolockMs?: number; passphrase?: string } = {}) {
  return renderInk(
    <App
      home={home}
      autolockMs={options.autolockMs ?? 0}
      iterations={ITERATIONS}
      passphrase={options.passphrase}
    />,
    { rows: ROWS, columns: 90 },
  );
}

function expectEveryFrameFits(ui: InkHarness): void {
  for (const frame of ui.frames) expect(frame.split('\n').length).toBeLessThanOrEqual(ROWS - 1);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('App', () => {
  it('takes a new user from creating the vault to a listed secret, and exits 0 on q', async () => {
    const ui = start(tempHome('new'));
    await ui.waitFor('No vault yet');
    await ui.press(PASSPHRASE, KEYS.enter, PASSPHRASE, KEYS.enter);
    await ui.waitFor('No secrets yet');
    await ui.write('a');
    await ui.waitFor('› Name');
    await ui.press('api-key', KEYS.enter);
    await ui.waitFor('› Value');
    await ui.press('s3cr3t', KEYS.enter);
    await ui.waitFor('✓ Added api-key');
    expect(ui.lastFrame()).toMatch(/❯ api-key .*••••••••/);
    await ui.write('q');
    await expect(ui.waitUntilExit()).resolves.toEqual({ code: 0 });
    expectEveryFrameFits(ui);
  });

  it('going back keeps the list as it was (filter and cursor)', async () => {
    const { home, vault } = await vaultWith({ 'one-key': '1', 'two-key': '2', three: '3' });
    vault.lock();
    const ui = start(home, { passphrase: PASSPHRASE });
    await ui.waitFor('3 secrets');
    await ui.press('/', 'key', KEYS.enter, 'j', 'a');
    expect(ui.lastFrame()).toContain('add a secret');
    await ui.write(KEYS.esc);
    expect(ui.lastFrame()).toContain('Filter: key');
    expect(ui.lastFrame()).toContain('❯ two-key');
    await ui.press('?');
    expect(ui.lastFrame()).toContain('help · secrets');
    await ui.press('x');
    expect(ui.lastFrame()).toContain('❯ two-key');
    expectEveryFrameFits(ui);
  });

  it.each([
    ['create', async (_ui: InkHarness) => {}],
    [
      'home',
      async (ui: InkHarness) =>
        void (await ui.press(PASSPHRASE, KEYS.enter, PASSPHRASE, KEYS.enter)),
    ],
    [
      'edit',
      async (ui: InkHarness) =>
        void (await ui.press(PASSPHRASE, KEYS.enter, PASSPHRASE, KEYS.enter)),
    ],
  ])('Ctrl+C on the %s screen exits 130 and locks the vault', async (screen, reach) => {
    const lock = vi.spyOn(Vault.prototype, 'lock');
    const ui = start(tempHome('new'));
    await reach(ui);
    if (screen !== 'create') await ui.waitFor('No secrets yet');
    if (screen === 'edit') await ui.press('a', 'half-typed');
    await ui.write(KEYS.ctrlC);
    await expect(ui.waitUntilExit()).resolves.toEqual({ code: 130 });
    if (screen !== 'create') expect(lock).toHaveBeenCalled();
  });

  it('locks after the idle time: values dropped, back to unlock, LSEC_PASSPHRASE not reused', async () => {
    const lock = vi.spyOn(Vault.prototype, 'lock');
    const { home, vault } = await vaultWith({ token: 'visible-value' });
    vault.lock();
    lock.mockClear();
    // Time is the subject: the idle timer runs on fake time, so a busy machine can
    // neither lock it early nor make the test wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ui = start(home, { autolockMs: 10_000, passphrase: PASSPHRASE });
    await ui.waitFor('❯ token');
    // Keys keep it open: 4 × 8 s is well past the idle time, but no gap reaches it.
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(8_000);
      await ui.write(i % 2 ? 'j' : 'k');
    }
    expect(ui.lastFrame()).toContain('❯ token');
    await ui.write('r');
    expect(ui.lastFrame()).toContain('visible-value');
    vi.advanceTimersByTime(9_999);
    await ui.settle();
    expect(ui.lastFrame()).toContain('visible-value');
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    const locked = await ui.waitFor('Locked after 10 s');
    expect(locked).not.toContain('visible-value');
    expect(locked).toContain('› Passphrase');
    expect(lock).toHaveBeenCalledOnce();
    await ui.press(PASSPHRASE, KEYS.enter);
    await ui.waitFor('❯ token');
  });
});
