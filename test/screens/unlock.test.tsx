import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Routes } from '../../src/screens/types.js';
import { UnlockScreen } from '../../src/screens/unlock/index.js';
import { PASSPHRASE, readVaultBytes, vaultPath } from '../helpers/cli.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { fakeNav, sessionFor, vaultWith } from './fixtures.js';

async function open(params: Routes['unlock'] = {}) {
  const { home, vault } = await vaultWith({ 'a-secret': 'v' });
  vault.lock();
  const nav = fakeNav();
  const ui = renderInk(
    <UnlockScreen
      route={{ screen: 'unlock', ...params }}
      nav={nav}
      session={sessionFor(home, null)}
      active
    />,
  );
  return { home, nav, ui };
}

describe('UnlockScreen', () => {
  it('says "Wrong passphrase", then unlocks with the right one', async () => {
    const { ui, nav } = await open({ notice: 'Locked after 5 minutes without a key press.' });
    expect(ui.lastFrame()).toContain('Locked after 5 minutes');
    await ui.press('wrong passphrase', KEYS.enter);
    await ui.waitFor('Wrong passphrase');
    expect(ui.lastFrame()).not.toContain('wrong passphrase');
    expect(nav.unlocked).not.toHaveBeenCalled();
    await ui.press(PASSPHRASE, KEYS.enter);
    await vi.waitFor(() => expect(nav.unlocked).toHaveBeenCalledOnce(), { timeout: 10_000 });
    const vault = nav.unlocked.mock.calls[0]![0];
    expect(vault.reveal('a-secret')).toBe('v');
    vault.lock();
  });

  it('tries LSEC_PASSPHRASE without typing', async () => {
    const { nav } = await open({ passphrase: PASSPHRASE });
    await vi.waitFor(() => expect(nav.unlocked).toHaveBeenCalledOnce(), { timeout: 10_000 });
    nav.unlocked.mock.calls[0]![0].lock();
  });

  it('shows a damaged vault and its path, then exits 4 on a key, writing nothing', async () => {
    const { home, nav, ui } = await open();
    const doc = JSON.parse(readVaultBytes(home).toString('utf8'));
    doc.secrets['a-secret'].ct = Buffer.from('forged').toString('base64');
    writeFileSync(vaultPath(home), JSON.stringify(doc));
    const before = readVaultBytes(home);
    await ui.press(PASSPHRASE, KEYS.enter);
    const frame = await ui.waitFor('damaged');
    expect(frame).toContain(vaultPath(home));
    expect(frame).toMatch(/integrity check/);
    await ui.write('x');
    expect(nav.exit).toHaveBeenCalledWith({
      code: 4,
      message: expect.stringContaining(vaultPath(home)),
    });
    expect(readVaultBytes(home).equals(before)).toBe(true);
  });

  it('reports a file that is not a vault before any passphrase is typed', async () => {
    const { home, ui } = await open();
    writeFileSync(vaultPath(home), 'not json');
    const nav = fakeNav();
    const again = renderInk(
      <UnlockScreen
        route={{ screen: 'unlock' }}
        nav={nav}
        session={sessionFor(home, null)}
        active
      />,
    );
    ui.unmount();
    await again.waitFor('not valid JSON');
    expect(again.lastFrame()).toContain('Press any key to leave');
  });
});
