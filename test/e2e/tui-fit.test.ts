// Issue 12, bug 1: on a small terminal the launch screen said "Ready: Enter launches"
// over a command it did not show, and the mappings cut the command silently. Here, at
// each size the issue was tried at: Enter launches at once only when the whole command
// is on screen, else it shows the whole command and only y launches; a command that is
// cut says so with "…" and the whole of it can be read.
import { describe, expect, it } from 'vitest';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { projectWith } from '../helpers/launch.js';
import type { Terminal } from '../helpers/tmux.js';
import { fitsIn, openLsec, SIZES, vaultWith } from '../helpers/tui.js';

const SECRETS = ['openai-api-key', 'github-token', 'db-password', 'aws-secret-key'];
const envOf = (secret: string) => secret.toUpperCase().replaceAll('-', '_');
const PROFILE = {
  app: 'app.py',
  env: { LOG_LEVEL: 'debug' },
  secrets: Object.fromEntries(SECRETS.map((s) => [envOf(s), s])),
};
const PAIRS = SECRETS.map((s) => `--secret ${envOf(s)}=${s}`);
const ARGV = [
  FAKE_LIGHTNING,
  'run',
  'app',
  'app.py',
  '--cloud',
  '--env',
  'LOG_LEVEL=debug',
  ...SECRETS.flatMap((s) => ['--secret', `${envOf(s)}=${s}`]),
];

async function start(size: { columns: number; rows: number }) {
  const { home } = await vaultWith(Object.fromEntries(SECRETS.map((s) => [s, `value-${s}`])));
  const cwd = projectWith(PROFILE);
  const opened = await openLsec(home, { cwd, ...size });
  await opened.term.waitFor('❯ aws-s');
  return opened;
}

/** The lines under the COMMAND heading, up to the first line that is not the command's. */
function commandPart(screen: string, heading: RegExp, end: RegExp): string[] {
  const lines = screen.split('\n');
  const from = lines.findIndex((l) => heading.test(l)) + 1;
  expect(from).toBeGreaterThan(0);
  const out: string[] = [];
  for (const line of lines.slice(from)) {
    if (line.trim() === '' || end.test(line)) break;
    out.push(line);
  }
  return out;
}

/** The whole-command page's text, scrolling down to its end. */
async function wholeCommand(term: Terminal): Promise<string> {
  let screen = await term.waitFor('THE WHOLE COMMAND');
  const seen: string[] = [];
  for (;;) {
    expect(fitsIn(term, screen)).toBe(true);
    seen.push(...commandPart(screen, /THE WHOLE COMMAND/, /^ {2}(lines \d|all \d)/));
    const at = /lines \d+–(\d+) of (\d+)/.exec(screen);
    // Lines joined as the shell would read them (a pair wider than a line is split).
    if (!at || at[1] === at[2]) return seen.join(' ').replace(/\s+/g, ' ');
    term.keys('Down');
    const before = at[0];
    screen = await term.waitFor((s) => !s.includes(before));
  }
}

describe('the launch screen on a small terminal (issue 12, bug 1)', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}, Enter launches only a command the screen shows whole`, async () => {
      const { term, log } = await start(size);
      term.type('l');
      const screen = await term.waitFor('CHECKS');
      expect(fitsIn(term, screen)).toBe(true);
      const shown = commandPart(screen, /^ {2}COMMAND/, /^ {2}(Cloud|Local) run|^[✓✗] /);
      const cut = shown.some((l) => l.includes('f shows them all'));
      const text = shown.join(' ').replace(/\s+/g, ' ');
      const whole = PAIRS.every((p) => text.includes(p)) && text.includes(FAKE_LIGHTNING);
      // Whatever is shown, a cut is never silent.
      expect(whole || cut).toBe(true);
      if (size.columns === 100) expect(whole).toBe(true);
      if (size.columns === 40) expect(whole).toBe(false);

      term.keys('Enter');
      if (!whole) {
        const page = await wholeCommand(term);
        for (const pair of PAIRS) expect(page).toContain(pair);
        expect(fakeLaunches(log)).toEqual([]);
        term.type('y');
      }
      expect(await term.exitCode()).toBe(0);
      const launches = fakeLaunches(log);
      expect(launches).toHaveLength(1);
      expect(launches[0]!.argv).toEqual(ARGV.slice(1));
    });
  }

  it('L on home asks too when the command does not fit, and Esc launches nothing', async () => {
    const { term, log } = await start({ columns: 40, rows: 10 });
    term.type('L');
    await term.waitFor('THE WHOLE COMMAND');
    term.keys('Escape');
    await term.waitFor('CHECKS');
    expect(fakeLaunches(log)).toEqual([]);
    term.keys('Escape');
    await term.waitFor('❯ aws-s');
    term.type('q');
    expect(await term.exitCode()).toBe(0);
    expect(fakeLaunches(log)).toEqual([]);
  });
});

describe("the mappings screen's command on a small terminal", () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}, the command is whole or says what is left out`, async () => {
      const { term } = await start(size);
      term.type('m');
      const screen = await term.waitFor(/COMMAND +✓ ready/);
      expect(fitsIn(term, screen)).toBe(true);
      const shown = commandPart(screen, /^ {2}COMMAND/, /^[✓✗] /);
      expect(shown.length).toBeGreaterThan(0);
      // An option and its value stay on one line when the line has room for both.
      for (const line of shown) expect(line).not.toMatch(/--(secret|env)$/);
      const text = shown.join(' ');
      const whole = PAIRS.every((p) => text.includes(p));
      const more = shown.at(-1)!;
      if (!whole) expect(more).toMatch(/… \d+ more lines?: f shows them all/);
      if (size.columns === 100) expect(whole).toBe(true);

      term.type('f');
      const page = await wholeCommand(term);
      for (const pair of PAIRS) expect(page).toContain(pair);
      term.keys('Escape');
      await term.waitFor(/COMMAND +✓ ready/);
    });
  }
});
