// The mappings screen offers the cloud's own secrets (made in the web UI): a row to
// tick, marked "cloud only", valid for a cloud launch.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncScan } from '../../../src/cloud/sync-scan.js';
import { draftFrom, withCloudOnly } from '../../../src/screens/mappings/draft.js';
import { MappingsScreen } from '../../../src/screens/mappings/index.js';
import { mappingsReducer } from '../../../src/screens/mappings/reducer.js';
import { initialMappingsState } from '../../../src/screens/mappings/state.js';
import type { CloudView } from '../../../src/screens/shared/use-cloud-state.js';
import { emptyProject } from '../../../src/store/project-schema.js';
import type { Vault } from '../../../src/store/vault.js';
import { tempDir } from '../../helpers/cli.js';
import { KEYS, renderInk } from '../../helpers/ink.js';
import { fakeNav, sessionFor, vaultWith } from '../fixtures.js';

const profile = (secrets: Record<string, string> = {}) => ({ app: 'app.py', env: {}, secrets });

describe('withCloudOnly', () => {
  it('adds the cloud-only secrets as unticked rows after the others', () => {
    const draft = withCloudOnly(draftFrom(profile(), ['api-key']), ['web-token']);
    expect(draft.rows).toEqual([
      { secret: 'api-key', env: 'API_KEY', order: null, inVault: true },
      { secret: 'web-token', env: 'WEB_TOKEN', order: null, inVault: false, cloudOnly: true },
    ]);
  });

  it('marks a mapping the vault lacks as cloud-only when the cloud has it, without a second row', () => {
    const mapped = draftFrom(profile({ TOKEN: 'web-token' }), ['api-key']);
    const draft = withCloudOnly(mapped, ['web-token']);
    expect(draft.rows.filter((r) => r.secret === 'web-token')).toEqual([
      { secret: 'web-token', env: 'TOKEN', order: 0, inVault: false, cloudOnly: true },
    ]);
  });

  it('changes nothing when the cloud adds nothing new', () => {
    const draft = withCloudOnly(draftFrom(profile(), ['a']), ['web']);
    expect(withCloudOnly(draft, ['web'])).toBe(draft);
    expect(withCloudOnly(draft, [])).toBe(draft);
  });

  it('the reducer keeps the rows and the list in step, across a profile switch too', () => {
    const project = { ...emptyProject(), profiles: { default: profile(), other: profile() } };
    let s = initialMappingsState(project, 'default', ['api-key']);
    s = mappingsReducer(s, { type: 'cloud', names: ['web-token'] });
    expect(s.draft.rows.map((r) => r.secret)).toEqual(['api-key', 'web-token']);
    expect(s.secrets.count).toBe(2);
    s = mappingsReducer(s, { type: 'keys', presses: [{ type: 'text', text: 'P' }] });
    expect(s.profileName).toBe('other');
    expect(s.draft.rows.map((r) => r.secret)).toEqual(['api-key', 'web-token']);
  });
});

describe('MappingsScreen with the cloud listed', () => {
  let home: string;
  let vault: Vault;
  beforeAll(async () => {
    ({ home, vault } = await vaultWith({ 'api-key': 'v1' }));
  });

  it('offers a cloud-only secret; ticked, the cloud command uses it', async () => {
    const dir = tempDir('lsec-mappings-');
    writeFileSync(join(dir, 'app.py'), '');
    writeFileSync(
      join(dir, '.lsec.json'),
      JSON.stringify({ version: 1, profiles: { default: profile() } }),
    );
    const remote = [{ id: 'id-1', name: 'web-token' }];
    const cloud: CloudView = {
      status: 'ready',
      project: 'my-project',
      remote,
      scan: new SyncScan(vault, remote),
      version: 0,
      connection: () => Promise.reject(new Error('not used')),
    };
    const session = {
      ...sessionFor(home, vault),
      projectDir: dir,
      env: { LSEC_LIGHTNING: 'lightning' },
      cloud,
    };
    const ui = renderInk(
      <MappingsScreen route={{ screen: 'mappings' }} nav={fakeNav()} session={session} active />,
      { rows: 24, columns: 100 },
    );
    const offered = await ui.waitFor('web-token');
    expect(offered).toMatch(/ {2}\[ \] web-token +WEB_TOKEN +cloud only/);
    await ui.press(KEYS.end, ' ');
    const ticked = ui.lastFrame();
    expect(ticked).toMatch(/❯ \[x\] web-token +WEB_TOKEN +cloud only/);
    expect(ticked).toContain('--secret WEB_TOKEN=web-token');
    expect(ticked).toContain('✓ ready to launch');
  });
});
