// npm test runs the bench once in quick mode: it proves every figure can still be
// measured (the budgets themselves are checked by `npm run bench`, never here).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

describe('bench', () => {
  it('measures every DESIGN §7 figure in quick mode', () => {
    const r = spawnSync(process.execPath, ['bench/run.mjs', '--quick'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(r.status, r.stderr).toBe(0);
    for (const figure of [
      'list --json  vs  node -e 0',
      'get NAME  vs  pbkdf2Sync',
      'passwd (re-key)',
      'secret vault  vs  10',
      'TUI first frame  vs  minimal Ink box',
      'TUI cursor move',
      'TUI filter keystroke',
      'TUI filter Backspace',
      'TUI mappings: cursor move',
      'TUI mappings: filter keystroke',
      'TUI mappings: filter Backspace',
      'TUI heap',
    ]) {
      expect(r.stdout).toContain(figure);
    }
    expect(r.stdout).toMatch(/quick mode: 15 figures measured/);
  }, 160_000);
});
