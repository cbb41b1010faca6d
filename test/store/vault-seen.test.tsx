// Rollback detection (security.md §2): an older valid copy of the vault passes every
// check inside the file, so the home remembers the newest generation it has seen and
// unlock warns when an older one turns up — in the CLI and in the TUI.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, passFile, runCli, tempHome, vaultPath } from '../helpers/cli.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { ITERATIONS } from '../screens/fixtures.js';

async function rolledBack(): Promise<string> {
  const home = tempHome();
  const vault = await Vault.create(home, PASSPHRASE, { iterations: ITERATIONS });
  await vault.write([['api-key', 'old']], 'add');
  copyFileSync(vaultPath(home), join(home, 'old-copy.json'));
  await vault.write([['api-key', 'new']], 'set');
  vault.lock();
  copyFileSync(join(home, 'old-copy.json'), vaultPath(home));
  return home;
}

describe('a vault older than one seen before', () => {
  it('unlocks with a warning, and the warning stays until a newer write', async () => {
    const home = await rolledBack();
    const v = await Vault.unlock(home, PASSPHRASE);
    expect(v.warning).toMatch(/older than the one last opened here \(generation 2, seen 3\)/);
    expect(v.reveal('api-key')).toBe('old');
    // Opening the old copy must not lower what was seen.
    expect((await Vault.unlock(home, PASSPHRASE)).warning).toBeDefined();
    await v.write([['api-key', 'newer']], 'set');
    await v.write([['api-key', 'newest']], 'set');
    expect((await Vault.unlock(home, PASSPHRASE)).warning).toBeUndefined();
    v.lock();
  });

  it('does not warn for a normal history, nor for another vault in the same home', async () => {
    const home = tempHome();
    const v = await Vault.create(home, PASSPHRASE, { iterations: ITERATIONS });
    await v.write([['a', '1']], 'add');
    expect((await Vault.unlock(home, PASSPHRASE)).warning).toBeUndefined();
    v.lock();
    const other = tempHome();
    const w = await Vault.create(other, PASSPHRASE, { iterations: ITERATIONS });
    w.lock();
    copyFileSync(vaultPath(other), vaultPath(home));
    expect((await Vault.unlock(home, PASSPHRASE)).warning).toBeUndefined();
    expect(JSON.parse(readFileSync(join(home, 'seen.json'), 'utf8'))).toMatchObject({});
  });

  it('the CLI prints the warning on stderr and still answers', async () => {
    const home = await rolledBack();
    const r = await runCli(['get', 'api-key', '--passphrase-file', passFile(PASSPHRASE)], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('old\n');
    expect(r.stderr).toMatch(/^lsec: warning: this vault is older/m);
  });

  it('the TUI shows it on the home screen after unlock', async () => {
    const home = await rolledBack();
    const ui = renderInk(<App home={home} autolockMs={0} iterations={ITERATIONS} />, {
      rows: 20,
      columns: 100,
    });
    await ui.waitFor('Passphrase');
    await ui.press(PASSPHRASE, KEYS.enter);
    await ui.waitFor(/✗ warning: this vault is older/);
    ui.unmount();
  });
});
