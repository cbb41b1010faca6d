import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LIGHTNING } from '../fixtures/fake-lightning-log.js';
import { initVault } from '../helpers/cli.js';
import { clickVerdict, fakeFor, withClick } from '../helpers/click-lightning.js';
import { projectWith } from '../helpers/launch.js';
import { CASES } from './launch-argv-cases.js';

let home: string;
beforeAll(async () => {
  ({ home } = await initVault());
});

describe('each case of issue 10 §3, against click', () => {
  for (const c of CASES) {
    it(`${c.what} (${c.release})`, async () => {
      const dir = projectWith(c.profile);
      const r = await withClick(['launch', ...c.args], {
        home,
        cwd: dir,
        release: c.release,
        script: c.script,
      });
      const direct = clickVerdict(fakeFor(c.release, c.script), c.argv, dir);
      if (c.lsec === undefined) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.launches.map((l) => l.argv)).toEqual([c.argv]);
      } else {
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(c.lsec);
        expect(r.stderr).toContain('nothing was launched');
        expect(r.launches).toEqual([]);
        expect(r.refusals).toEqual([]);
      }
      if (c.click === 'accepts') {
        expect(direct.code, direct.stderr).toBe(0);
      } else {
        expect(direct.code).not.toBe(0);
        expect(direct.entry?.refused).toContain(c.click.refuses);
      }
    });
  }
});

describe('telling the release', () => {
  it('when it cannot be told, checks the options every release accepts and says so', async () => {
    const dir = projectWith({ app: 'app.py', env: {}, secrets: {}, args: ['--setup'] });
    const r = await withClick(['launch', '--local'], {
      home,
      cwd: dir,
      env: { LSEC_LIGHTNING: FAKE_LIGHTNING },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('release not told');
    expect(r.stderr).toContain('checked against the options every release accepts');
    expect(r.stderr).toContain('--setup is not an option of run app in every Lightning release');
  });

  it("2.2.5's `lightning` has no run app (renamed lightning_app in 2.2.1): refused, and click agrees", async () => {
    const dir = projectWith({ app: 'app.py', env: {}, secrets: {} });
    const r = await withClick(['launch', '--local'], { home, cwd: dir, release: '2.2.5' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the app CLI is lightning_app (renamed in 2.2.1)');
    const direct = clickVerdict(fakeFor('2.2.5'), ['run', 'app', 'app.py'], dir);
    expect(direct.code).toBe(2);
    expect(direct.entry?.refused).toContain("No such command 'run'");
  });
});
