import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EditScreen } from '../../src/screens/edit/index.js';
import { tempDir } from '../helpers/cli.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { fakeNav, sessionFor, vaultWith } from './fixtures.js';

async function open(name?: string) {
  const { home, vault } = await vaultWith({ existing: 'old value' });
  const nav = fakeNav();
  const ui = renderInk(
    <EditScreen
      route={{ screen: 'edit', name }}
      nav={nav}
      session={sessionFor(home, vault)}
      active
    />,
  );
  return { vault, nav, ui };
}

describe('EditScreen: add', () => {
  it('validates the name as typed, masks the value and saves on Enter', async () => {
    const { ui, nav, vault } = await open();
    await ui.write('github api token');
    expect(ui.lastFrame()).toContain('use github_api_token');
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toContain('› Name');
    await ui.write('\u0015github-api-token');
    expect(ui.lastFrame()).not.toContain('✗');
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toContain('› Value');
    await ui.write('ghp_123');
    expect(ui.lastFrame()).not.toContain('ghp_123');
    expect(ui.lastFrame()).toContain('••••••••');
    await ui.write(KEYS.enter);
    await vi.waitFor(() => expect(nav.pop).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(nav.changed).toHaveBeenCalledWith({
      select: 'github-api-token',
      notice: 'Added github-api-token',
    });
    expect(vault.reveal('github-api-token')).toBe('ghp_123');
    vault.lock();
  });

  it('refuses a name that exists', async () => {
    const { ui, nav, vault } = await open();
    await ui.press('existing', KEYS.enter);
    expect(ui.lastFrame()).toMatch(/A secret named existing exists/);
    expect(ui.lastFrame()).toContain('› Name');
    expect(nav.pop).not.toHaveBeenCalled();
    vault.lock();
  });

  it('reads a multi-line value from a file after Tab, and says why a path fails', async () => {
    const { ui, nav, vault } = await open();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
    const file = join(tempDir(), 'deploy.pem');
    writeFileSync(file, `${pem}\n`);
    await ui.press('deploy-key', KEYS.enter, KEYS.tab);
    expect(ui.lastFrame()).toContain('› File');
    expect(ui.lastFrame()).toMatch(/file's content becomes the value/);
    await ui.press(`${file}.missing`, KEYS.enter);
    await ui.waitFor(/no such file/i);
    expect(nav.pop).not.toHaveBeenCalled();
    await ui.press('\u0015', file, KEYS.enter);
    await vi.waitFor(() => expect(nav.pop).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(vault.reveal('deploy-key')).toBe(pem);
    vault.lock();
  });

  it('a file path starting with ~/ is read from the home folder, as in a shell', async () => {
    const { ui, nav, vault } = await open();
    const userHome = tempDir('lsec-userhome-');
    writeFileSync(join(userHome, 'token.txt'), 'from-home\n');
    // os.homedir() follows HOME; the working directory holds no such file.
    vi.stubEnv('HOME', userHome);
    try {
      await ui.press('home-token', KEYS.enter, KEYS.tab);
      await ui.press('~/token.txt', KEYS.enter);
      await vi.waitFor(() => expect(nav.pop).toHaveBeenCalledOnce(), { timeout: 10_000 });
      expect(vault.reveal('home-token')).toBe('from-home');
    } finally {
      vi.unstubAllEnvs();
      vault.lock();
    }
  });

  it('Esc cancels without writing', async () => {
    const { ui, nav, vault } = await open();
    await ui.press('draft', KEYS.enter, 'value', KEYS.esc);
    expect(nav.pop).toHaveBeenCalledOnce();
    expect(vault.has('draft')).toBe(false);
    vault.lock();
  });
});

describe('EditScreen: edit', () => {
  it('keeps the name and replaces the value', async () => {
    const { ui, nav, vault } = await open('existing');
    expect(ui.lastFrame()).toContain('edit existing');
    expect(ui.lastFrame()).not.toContain('old value');
    await ui.press('new value', KEYS.enter);
    await vi.waitFor(() => expect(nav.pop).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(nav.changed).toHaveBeenCalledWith({
      select: 'existing',
      notice: 'Saved the new value of existing',
    });
    expect(vault.reveal('existing')).toBe('new value');
    vault.lock();
  });
});
