import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { homeHelp } from '../../src/screens/home/bindings.js';
import { HomeScreen, REVEAL_MS } from '../../src/screens/home/index.js';
import type { Change } from '../../src/screens/types.js';
import type { Vault } from '../../src/store/vault.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { fakeNav, linesOf, sessionFor, vaultWith } from './fixtures.js';

let home: string;
let vault: Vault;
beforeAll(async () => {
  ({ home, vault } = await vaultWith({
    'aws-access-key': 'AKIA-EXAMPLE',
    'github-api-token': 'ghp_\u001B]0;pwned\u0007tail',
    'openai-key': 'sk-line1\nline2',
  }));
});
afterEach(() => {
  vi.useRealTimers();
});

function open(options: { rows?: number; columns?: number; change?: Change } = {}) {
  const nav = fakeNav();
  const session = sessionFor(home, vault, options.change);
  const node = <HomeScreen route={{ screen: 'home' }} nav={nav} session={session} active />;
  const ui = renderInk(node, { rows: options.rows ?? 20, columns: options.columns ?? 100 });
  return { nav, ui, session };
}

describe('HomeScreen', () => {
  it('lists names, dates and a fixed-width mask, never a value', () => {
    const { ui } = open();
    const frame = ui.lastFrame();
    expect(frame).toMatch(/❯ aws-access-key +\d{4}-\d\d-\d\d \d\d:\d\d +••••••••/);
    expect(frame).toMatch(/ {2}github-api-token +\d{4}-\d\d-\d\d \d\d:\d\d +••••••••/);
    expect(frame).not.toMatch(/AKIA|ghp_|sk-line/);
    expect(frame).toContain('3 secrets');
    // The profile that m, l and L work on is on the title line.
    expect(frame.split('\n')[0]).toMatch(/^lsec · secrets +profile default$/);
    // The count and the vault path share the list's position line, so at 100
    // columns the status bar holds every hint through q quit.
    expect(frame).toMatch(/1–3 of 3 +3 secrets · .*vault\.json/);
    expect(frame).toMatch(
      /a add · d delete · r reveal · .*m map · l\/L launch · R reload · \/ filter · \? help · q quit/,
    );
    expect(linesOf(frame)).toHaveLength(19);
  });

  it('Down and Enter in one chunk edit the second secret', async () => {
    const { ui, nav } = open();
    await ui.write(KEYS.down + KEYS.enter);
    expect(nav.push).toHaveBeenCalledWith({ screen: 'edit', name: 'github-api-token' });
  });

  it('opens add, delete and help, and quits with q', async () => {
    const { ui, nav, session } = open();
    // The root covers home with the opened screen, then uncovers it again.
    const back = async () => {
      for (const active of [false, true]) {
        await ui.rerender(
          <HomeScreen route={{ screen: 'home' }} nav={nav} session={session} active={active} />,
        );
      }
    };
    for (const keys of ['a', 'jd', '?']) {
      await ui.write(keys);
      await back();
    }
    expect(nav.push.mock.calls.map((c) => c[0])).toEqual([
      { screen: 'edit' },
      { screen: 'delete', name: 'github-api-token' },
      { screen: 'help', title: 'secrets', keys: expect.any(Array) },
    ]);
    await ui.write('q');
    expect(nav.exit).toHaveBeenCalledWith({ code: 0 });
  });

  it('drops keys typed right after opening another screen', async () => {
    const { ui, nav } = open();
    await ui.write('aepi-key');
    expect(nav.push.mock.calls).toEqual([[{ screen: 'edit' }]]);
  });

  it('r reveals the value sanitized until the cursor moves', async () => {
    const { ui } = open();
    await ui.press('j', 'r');
    const frame = ui.lastFrame();
    expect(frame).toContain('Value of github-api-token');
    expect(frame).toContain('ghp_^[]0;pwned^Gtail');
    expect(frame).not.toContain('\u001B]0;');
    await ui.write('j');
    expect(ui.lastFrame()).not.toContain('ghp_');
    await ui.write('r');
    expect(ui.lastFrame()).toMatch(/Value of openai-key[^\n]*\n {2}sk-line1\n {2}line2/);
  });

  it('hides a revealed value after REVEAL_MS, which the screen and help state in seconds', async () => {
    const { ui } = open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await ui.write('r');
    const shown = ui.lastFrame();
    expect(shown).toContain('AKIA-EXAMPLE');
    // The words the user reads follow the timer, whatever it is set to.
    const words = `${REVEAL_MS / 1000} s`;
    expect(shown).toContain(`hidden again in ${words}`);
    expect(homeHelp().find((k) => k.keys === 'r')?.what).toContain(`(${words},`);
    vi.advanceTimersByTime(REVEAL_MS - 1);
    await ui.settle();
    expect(ui.lastFrame()).toContain('AKIA-EXAMPLE');
    vi.advanceTimersByTime(1);
    await ui.settle();
    expect(ui.lastFrame()).not.toContain('AKIA-EXAMPLE');
  });

  it('hides a revealed value when another screen covers home', async () => {
    const { ui, nav, session } = open();
    await ui.write('r');
    expect(ui.lastFrame()).toContain('AKIA-EXAMPLE');
    // The root covers home (e.g. help opens), then uncovers it again well within the timer.
    for (const active of [false, true]) {
      await ui.rerender(
        <HomeScreen route={{ screen: 'home' }} nav={nav} session={session} active={active} />,
      );
    }
    expect(ui.lastFrame()).toContain('❯ aws-access-key');
    expect(ui.lastFrame()).not.toContain('AKIA-EXAMPLE');
  });

  it('/ filters as you type; Esc clears', async () => {
    const { ui } = open();
    await ui.press('/', 'KEY');
    let frame = ui.lastFrame();
    expect(frame).toContain('Filter: KEY');
    expect(frame).toContain('2 of 3 shown');
    expect(frame).not.toContain('github-api-token');
    await ui.write('zzz');
    expect(ui.lastFrame()).toContain('No names match “KEYzzz” — Esc clears the filter');
    await ui.write(KEYS.esc);
    frame = ui.lastFrame();
    expect(frame).not.toContain('Filter:');
    expect(frame).toContain('github-api-token');
  });

  it('keeps the frame below the terminal height, following a resize', async () => {
    const { ui } = open({ rows: 8, columns: 50 });
    expect(linesOf(ui.lastFrame()).length).toBeLessThanOrEqual(7);
    await ui.write('r');
    expect(linesOf(ui.lastFrame()).length).toBeLessThanOrEqual(7);
    await ui.resize(40, 6);
    expect(linesOf(ui.lastFrame()).length).toBeLessThanOrEqual(5);
    await ui.resize(100, 30);
    expect(linesOf(ui.lastFrame())).toHaveLength(29);
    for (const frame of ui.frames) expect(linesOf(frame).length).toBeLessThanOrEqual(29);
  });

  it('reloads after a change, selecting the changed secret with a notice', async () => {
    const { ui, nav, session } = open();
    await vault.write([['zz-new', 'x']], 'add');
    const change = { revision: 1, select: 'zz-new', notice: 'Added zz-new' };
    await ui.rerender(
      <HomeScreen route={{ screen: 'home' }} nav={nav} session={{ ...session, change }} active />,
    );
    expect(ui.lastFrame()).toContain('❯ zz-new');
    expect(ui.lastFrame()).toContain('✓ Added zz-new');
    await vault.remove(['zz-new']);
  });
});

describe('HomeScreen with no secrets', () => {
  it('says how to add one', async () => {
    const empty = await vaultWith();
    const nav = fakeNav();
    const ui = renderInk(
      <HomeScreen
        route={{ screen: 'home' }}
        nav={nav}
        session={sessionFor(empty.home, empty.vault)}
        active
      />,
    );
    expect(ui.lastFrame()).toContain('No secrets yet — press a to add one');
    await ui.write('d');
    expect(nav.push).not.toHaveBeenCalled();
    empty.vault.lock();
  });
});
