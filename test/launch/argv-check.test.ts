// The click-like parse behind the launch checks, on the cases the e2e table does not
// reach: short options with attached values, and what is left to the profile checks.
import { describe, expect, it } from 'vitest';
import { checkArgv } from '../../src/launch/argv-check.js';
import type { Origin } from '../../src/launch/argv-parse.js';
import { deploymentTable, runAppTable } from '../../src/launch/options.js';

const check = (words: string[], command: 'run app' | 'deployment create' = 'run app') =>
  checkArgv({
    words,
    origins: words.map((): Origin => 'extra'),
    table: command === 'run app' ? runAppTable('1.9') : deploymentTable('create'),
    command,
    local: false,
  }).map((p) => p.message);

describe('checkArgv', () => {
  it('reads -eVALUE and -s as click does', () => {
    expect(
      check(['my-api', '--image', 'x', '--port', '1', '-eFOO=bar'], 'deployment create'),
    ).toEqual([]);
    expect(check(['app.py', '--cloud', '-s'])).toEqual([]);
    expect(check(['app.py', '--cloud', '-x'])[0]).toContain('No such option: -x');
  });

  it("leaves problems in lsec's own words to the profile checks", () => {
    const words = ['app.py', '--cloud', '--env', 'A=b=c'];
    const problems = checkArgv({
      words,
      origins: ['lsec', 'lsec', 'lsec', 'lsec'],
      table: runAppTable('1.9'),
      command: 'run app',
      local: false,
    });
    expect(problems).toEqual([]);
  });

  it('the same key in --env and --secret, which Lightning does not catch', () => {
    expect(check(['app.py', '--cloud', '--env', 'K=1', '--secret', 'K=k'])[0]).toContain(
      'K is set by both --env and --secret',
    );
  });

  it('booleans: click spellings in any case pass, anything else is refused', () => {
    for (const v of ['1', '0', 'TRUE', 'False', 't', 'F', 'Yes', 'no', 'Y', 'n', 'ON', 'off']) {
      expect(check(['app.py', '--open-ui', v]), v).toEqual([]);
    }
    expect(check(['app.py', '--open-ui', 'maybe'])[0]).toContain("'maybe' is not a valid boolean");
  });
});
