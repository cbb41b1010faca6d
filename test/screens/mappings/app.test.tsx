// The mappings and launch screens through the real root: their code loads lazily,
// the profile chosen on the mappings screen is the one launch and L use, and Enter
// leaves the TUI with the launch outcome.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/app.js';
import type { Outcome } from '../../../src/screens/types.js';
import { FAKE_LIGHTNING } from '../../fixtures/fake-lightning-log.js';
import { PASSPHRASE, tempDir } from '../../helpers/cli.js';
import { KEYS, renderInk } from '../../helpers/ink.js';
import { ITERATIONS, vaultWith } from '../fixtures.js';

const ROWS = 24;

async function start() {
  const { home } = await vaultWith({ alpha: 'alpha-value' });
  const dir = tempDir('lsec-app-');
  writeFileSync(join(dir, 'app.py'), '');
  const profiles = {
    default: { app: 'app.py', env: {}, secrets: {} },
    staging: { app: 'app.py', env: { MODE: 'staging' }, secrets: { A: 'alpha' } },
  };
  writeFileSync(join(dir, '.lsec.json'), JSON.stringify({ version: 1, profiles }));
  const env = {
    PATH: process.env.PATH,
    LSEC_LIGHTNING: FAKE_LIGHTNING,
    LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json',
  };
  const ui = renderInk(
    <App
      home={home}
      autolockMs={0}
      iterations={ITERATIONS}
      passphrase={PASSPHRASE}
      projectDir={dir}
      env={env}
    />,
    { rows: ROWS, columns: 90 },
  );
  await ui.waitFor('❯ alpha');
  return { ui, dir };
}

describe('mappings and launch in the root', () => {
  it('P on the mappings screen picks the profile that L then launches', async () => {
    const { ui, dir } = await start();
    await ui.write('m');
    await ui.waitFor('lsec · mappings');
    await ui.write('P');
    await ui.waitFor('profile staging');
    await ui.write(KEYS.esc);
    await ui.waitFor('lsec · secrets');
    await ui.write('L');
    const outcome = (await ui.waitUntilExit(5000)) as Outcome;
    if (!('launch' in outcome)) throw new Error('expected a launch');
    expect(outcome.launch.args).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--env',
      'MODE=staging',
      '--secret',
      'A=alpha',
    ]);
    expect(outcome.launch.cwd).toBe(dir);
    for (const frame of ui.frames) expect(frame.split('\n').length).toBeLessThanOrEqual(ROWS - 1);
  });

  it('l opens the launch screen, m on it the mappings, Esc goes back each time', async () => {
    const { ui } = await start();
    await ui.write('l');
    await ui.waitFor('CHECKS  ✓ every check passed');
    await ui.write('m');
    await ui.waitFor('lsec · mappings');
    await ui.write(KEYS.esc);
    await ui.waitFor('lsec · launch');
    await ui.write(KEYS.esc);
    await ui.waitFor('lsec · secrets');
  });
});
