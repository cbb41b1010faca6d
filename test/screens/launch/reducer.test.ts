// The launch screen without Ink: its reducer (keys, chunks, scrolling) and the
// pre-flight rows it shows, built from the same plan as `lsec launch`.
import { describe, expect, it } from 'vitest';
import type { LaunchPlan } from '../../../src/launch/plan.js';
import type { Problem } from '../../../src/launch/preflight.js';
import {
  type CloudStatus,
  launchChecks,
  problemCount,
  readyToLaunch,
} from '../../../src/screens/launch/checks.js';
import {
  initialLaunchState,
  type LaunchState,
  launchReducer,
} from '../../../src/screens/launch/reducer.js';
import type { Profile } from '../../../src/store/project-schema.js';
import { chunk, key, text } from '../presses.js';

const typed = (state: LaunchState, input: string) =>
  launchReducer(state, { type: 'keys', presses: chunk(input) });

describe('launch reducer', () => {
  it('starts on the profile target, asks for the app when the profile has none', () => {
    expect(initialLaunchState({ app: 'app.py' })).toMatchObject({
      target: 'cloud',
      editingApp: false,
      armed: false,
    });
    expect(initialLaunchState({ cloud: false }, true)).toMatchObject({
      target: 'local',
      editingApp: true,
      armed: true,
    });
  });

  it('c toggles the target; Enter arms the launch, in one chunk too', () => {
    const s = typed(initialLaunchState({ app: 'app.py' }), 'c\r');
    expect([s.target, s.armed]).toEqual(['local', true]);
    expect(typed(s, 'c')).toMatchObject({ target: 'cloud', armed: false });
  });

  it('a typed app and Enter in one chunk fill the field and arm the launch', () => {
    let s = typed(initialLaunchState({}), 'ap');
    s = launchReducer(s, { type: 'keys', presses: [text('p.py'), key('enter')] });
    expect([s.app.value, s.editingApp, s.armed]).toEqual(['app.py', false, true]);
    expect(typed(initialLaunchState({}), '\r').message?.text).toBe(
      'Type the app file, e.g. app.py',
    );
    // Keys are text while the field has them: "c" is a letter of the name.
    expect(typed(initialLaunchState({}), 'cli.py').target).toBe('cloud');
  });

  it('a edits the app only when the profile names none', () => {
    expect(typed(initialLaunchState({ app: 'x.py' }), 'a').editingApp).toBe(false);
    const s = typed(initialLaunchState({}), 'x.py\t');
    expect(typed(s, 'a').editingApp).toBe(true);
  });

  it('Esc, m and ? become requests; v and r drive the cloud check', () => {
    const s = initialLaunchState({ app: 'app.py' });
    expect(typed(s, '\u001b').request).toMatchObject({ id: 1, kind: 'leave' });
    expect(typed(s, 'm').request).toMatchObject({ kind: 'mappings' });
    expect(typed(s, '?').request).toMatchObject({ kind: 'help' });
    expect(typed(s, 'v').verify).toBe(false);
    expect(typed(s, 'vr')).toMatchObject({ verify: true, retry: 1 });
  });

  it('a blocked launch is disarmed with the reason', () => {
    const s = launchReducer(typed(initialLaunchState({ app: 'a' }), '\r'), {
      type: 'blocked',
      message: '2 problems',
    });
    expect(s).toMatchObject({ armed: false, message: { tone: 'error', text: '2 problems' } });
  });

  it('a reload keeps the target for the same profile and starts afresh for another', () => {
    const s = typed(initialLaunchState({ app: 'a.py' }), 'c');
    const same = launchReducer(s, { type: 'reload', profile: { app: 'a.py' }, other: false });
    expect(same).toBe(s);
    const other = launchReducer(s, { type: 'reload', profile: { cloud: true }, other: true });
    expect(other).toMatchObject({ target: 'cloud', editingApp: true, appFromProfile: false });
  });

  it('scrolls the checks within the room the layout gives them', () => {
    let s = launchReducer(initialLaunchState({ app: 'a' }), { type: 'fit', lines: 12, room: 5 });
    s = typed(s, 'jjjjjjjjjj');
    expect(s.offset).toBe(7);
    s = launchReducer(s, { type: 'fit', lines: 6, room: 5 });
    expect(s.offset).toBe(1);
    expect(typed(s, 'kkk').offset).toBe(0);
  });
});

const profile: Profile = { app: 'app.py', env: { FOO: 'bar' }, secrets: { A: 'a' } };
const plan = (problems: Problem[], cloud = true): LaunchPlan => ({
  cloud,
  argv: problems.some((p) => p.code === 'app-unset') ? undefined : ['lightning', 'run'],
  problems,
});
const launcher = {
  ok: true as const,
  name: 'lightning',
  path: '/usr/bin/lightning',
  cli: { kind: 'app' as const, release: '1.9' as const, package: 'lightning', version: '1.9.5' },
};
const listed: CloudStatus = { state: 'listed', names: new Set(['a']) };

describe('launch checks', () => {
  it('every check passes: ✓ rows, ready', () => {
    const checks = launchChecks({ plan: plan([]), profile, launcher, cloud: listed });
    expect(checks.map((c) => `${c.mark} ${c.title}`)).toEqual([
      '✓ app file app.py exists',
      '✓ launcher lightning found (/usr/bin/lightning)',
      '✓ Lightning accepts the whole command (lightning 1.9.5: run app options of 1.9)',
      '✓ env names are valid and each is used once',
      '✓ no "=" in a plain value',
      "✓ secret names follow Lightning's rule",
      '✓ 1 mapped secret found in the vault or the cloud',
      '✓ the cloud answered',
    ]);
    expect(readyToLaunch(checks, plan([]))).toBe(true);
  });

  it('each problem sits under its check with the fix; the app fix speaks of this screen', () => {
    const problems: Problem[] = [
      { code: 'app-unset', subject: 'app', message: 'no app file is set', fix: 'lsec launch APP' },
      { code: 'plain-value', subject: 'FOO', message: 'has "="', fix: 'store it as a secret' },
    ];
    const missing = {
      ok: false as const,
      message: 'Lightning is not installed',
      fix: 'pip install',
    };
    const checks = launchChecks({
      plan: plan(problems),
      profile,
      launcher: missing,
      cloud: listed,
    });
    expect(checks.filter((c) => c.mark === '✗').map((c) => c.title)).toEqual([
      'app file',
      'launcher',
      'plain values',
    ]);
    expect(checks[0]!.problems[0]!.fix).toMatch(/^type it in the App field above/);
    expect(problemCount(checks)).toBe(3);
    expect(readyToLaunch(checks, plan(problems))).toBe(false);
  });

  it('names no key of the screen while the App field has the keys', () => {
    const problems: Problem[] = [
      { code: 'app-unset', subject: 'app', message: 'no app file is set', fix: 'lsec launch APP' },
    ];
    const input = { plan: plan(problems), profile: { ...profile, secrets: {} }, launcher };
    const shown = (typing: boolean, cloud: CloudStatus) =>
      launchChecks({ ...input, cloud, typing })
        .flatMap((c) => [c.title, ...c.problems.map((p) => p.fix)])
        .join('\n');
    expect(shown(false, listed)).toContain('no secrets mapped (m maps some)');
    expect(shown(false, listed)).toContain('App field above (a)');
    expect(shown(true, listed)).toContain('no secrets mapped');
    expect(shown(true, listed)).not.toMatch(/\(m maps some\)|\(a\)/);
    const skipped = (typing: boolean) =>
      launchChecks({ plan: plan([]), profile, launcher, cloud: { state: 'skipped' }, typing }).at(
        -1,
      )!.title;
    expect(skipped(false)).toContain('v checks again');
    expect(skipped(true)).not.toContain('v checks again');
  });

  it('says what the cloud did: asking, no credentials, failed, skipped; local never asks', () => {
    const title = (cloud: CloudStatus, cloudPlan = true) =>
      launchChecks({ plan: plan([], cloudPlan), profile, launcher, cloud }).at(-1)!;
    expect(title({ state: 'checking' })).toMatchObject({ mark: '…' });
    expect(readyToLaunch([title({ state: 'checking' })], plan([]))).toBe(false);
    expect(title({ state: 'no-credentials' }).title).toMatch(/^no Lightning credentials/);
    expect(title({ state: 'failed', error: 'HTTP 500' })).toMatchObject({
      mark: '✗',
      problems: [{ message: 'HTTP 500', fix: expect.stringMatching(/^r asks again; v launches/) }],
    });
    expect(title({ state: 'skipped' }).mark).toBe('–');
    expect(title({ state: 'idle' }, false).title).toBe('1 mapped secret found in the vault');
  });
});
