// The mappings reducer without Ink: ticking, renaming, plain variables, profiles,
// saving and leaving, with keys delivered one by one and in one chunk.
import { describe, expect, it } from 'vitest';
import { draftFrom, draftIssues, toProfile } from '../../../src/screens/mappings/draft.js';
import { editorProblems } from '../../../src/screens/mappings/editor.js';
import { mappingsReducer } from '../../../src/screens/mappings/reducer.js';
import {
  initialMappingsState,
  isDirty,
  type MappingsState,
} from '../../../src/screens/mappings/state.js';
import type { Press } from '../../../src/screens/shared/keys.js';
import type { Profile, ProjectData } from '../../../src/store/project-schema.js';
import { chunk, key, text } from '../presses.js';

const VAULT = ['aws-key', 'db-url', 'openai-key'];

function project(profiles: Record<string, Partial<Profile>> = {}): ProjectData {
  const full = Object.fromEntries(
    Object.entries(profiles).map(([n, p]) => [n, { env: {}, secrets: {}, ...p }]),
  );
  return { version: 1, profiles: full };
}

function start(profiles?: Record<string, Partial<Profile>>, vault = VAULT): MappingsState {
  return initialMappingsState(project(profiles), 'default', vault);
}

const keys = (state: MappingsState, ...presses: Press[]) =>
  mappingsReducer(state, { type: 'keys', presses });
const typed = (state: MappingsState, input: string) => keys(state, ...chunk(input));

describe('mappings draft', () => {
  it('shows every vault secret, ticks the mapped ones and keeps mappings the vault lacks', () => {
    const s = start({
      default: { secrets: { DB: 'db-url', GONE: 'not-here', DB2: 'db-url' }, env: { A: '1' } },
    });
    expect(s.draft.rows).toEqual([
      { secret: 'aws-key', env: 'AWS_KEY', order: null, inVault: true },
      { secret: 'db-url', env: 'DB', order: 0, inVault: true },
      { secret: 'openai-key', env: 'OPENAI_KEY', order: null, inVault: true },
      { secret: 'not-here', env: 'GONE', order: 1, inVault: false },
      { secret: 'db-url', env: 'DB2', order: 2, inVault: true },
    ]);
    expect(toProfile(s.draft).secrets).toEqual({ DB: 'db-url', GONE: 'not-here', DB2: 'db-url' });
    expect(isDirty(s)).toBe(false);
  });

  it('flags two ticked secrets with one env name, and a bad name', () => {
    const draft = draftFrom({ env: { X: 'a=b' }, secrets: { A_B: 'a-b' } }, ['a-b', 'a.b']);
    draft.rows[1]!.order = 5;
    const issues = draftIssues(draft);
    expect(issues.secrets[0]![0]!.message).toBe('A_B is also used by the secret a.b');
    expect(issues.secrets[1]![0]!.short).toBe('used twice');
    expect(issues.plain[0]![0]!.short).toBe('"=" in value');
    expect(issues.count).toBe(3);
  });
});

describe('mappings keys', () => {
  it('Space ticks and unticks; the profile follows the order of ticking', () => {
    let s = start();
    s = keys(s, key('down'), key('down'), text(' '), key('up'), key('up'), text(' '));
    expect(toProfile(s.draft).secrets).toEqual({ OPENAI_KEY: 'openai-key', AWS_KEY: 'aws-key' });
    expect(isDirty(s)).toBe(true);
    s = keys(s, text(' '));
    expect(toProfile(s.draft).secrets).toEqual({ OPENAI_KEY: 'openai-key' });
  });

  it('one chunk " jj " ticks the first and third secret', () => {
    const s = typed(start(), ' jj ');
    expect(Object.values(toProfile(s.draft).secrets)).toEqual(['aws-key', 'openai-key']);
  });

  it('e renames an env name as typed, refuses a bad one in place and ticks the row', () => {
    let s = typed(start(), 'e');
    expect(s.editor).toMatchObject({ kind: 'env', row: 0, field: { value: 'AWS_KEY' } });
    s = keys(s, { type: 'ctrl', letter: 'u' }, ...chunk('9AWS'));
    expect(editorProblems(s.editor!, s.draft, []).key).toMatch(
      /start with a letter or "_".*use _9AWS/,
    );
    s = typed(s, '\r');
    expect(s.editor).not.toBeNull();
    expect(s.message).toMatchObject({ tone: 'error' });
    s = typed(s, '\u0015MY_AWS\r');
    expect(s.editor).toBeNull();
    expect(toProfile(s.draft).secrets).toEqual({ MY_AWS: 'aws-key' });
  });

  it('refuses an env name that another mapping or a plain variable uses', () => {
    let s = start({ default: { env: { TOKEN: 'x' }, secrets: { DB: 'db-url' } } });
    s = typed(s, 'e\u0015DB');
    expect(editorProblems(s.editor!, s.draft, []).key).toBe(
      'DB is already used by the secret db-url',
    );
    s = typed(s, '\u0015TOKEN');
    expect(editorProblems(s.editor!, s.draft, []).key).toBe(
      'TOKEN is already used by the plain variable TOKEN',
    );
    s = keys(s, key('escape'));
    expect(s.editor).toBeNull();
    expect(toProfile(s.draft).secrets).toEqual({ DB: 'db-url' });
  });

  it('adds a plain variable, explains "=" in place, and deletes with d', () => {
    let s = typed(start(), 'aFOO\rb=ar');
    expect(s.editor).toMatchObject({ kind: 'plain', focus: 'value' });
    expect(editorProblems(s.editor!, s.draft, []).value).toMatch(
      /"=" cannot go in a plain value: Lightning splits --env on every "="; store the value as a secret/,
    );
    s = typed(s, '\r');
    expect(s.editor).not.toBeNull();
    s = typed(s, '\u0015bar\r');
    expect(s.draft.plain).toEqual([{ key: 'FOO', value: 'bar' }]);
    expect(s.focus).toBe('plain');
    s = typed(s, 'eBAZ\r');
    expect(s.draft.plain).toEqual([{ key: 'FOO', value: 'barBAZ' }]);
    s = typed(s, 'd');
    expect(s.draft.plain).toEqual([]);
    expect(s.focus).toBe('secrets');
  });

  it('moves down from the last secret into the variables and back up', () => {
    let s = start({ default: { env: { A: '1', B: '2' } } });
    s = typed(s, 'jjj');
    expect(s.focus).toBe('plain');
    expect(s.plain.cursor).toBe(0);
    s = typed(s, 'jkk');
    expect([s.focus, s.secrets.cursor]).toEqual(['secrets', 2]);
    s = keys(s, key('tab'));
    expect(s.focus).toBe('plain');
  });

  it('s asks the container to save a clean draft and refuses one with problems', () => {
    let s = typed(start(), ' ');
    s = typed(s, 's');
    expect(s.request).toMatchObject({ type: 'save', profileName: 'default' });
    expect(s.request).toMatchObject({ profile: { secrets: { AWS_KEY: 'aws-key' } } });
    const saved = project({ default: { secrets: { AWS_KEY: 'aws-key' } } });
    s = mappingsReducer(s, { type: 'saved', project: saved, profileName: 'default' });
    expect(isDirty(s)).toBe(false);
    expect(s.message).toEqual({ tone: 'ok', text: 'Saved profile default to .lsec.json' });

    const clash = typed(start(undefined, ['a-b', 'a.b']), ' j s');
    expect(clash.request).toBeNull();
    expect(clash.message?.text).toBe('Fix the 2 ✗ rows first; nothing was saved');
  });

  it('Esc leaves at once when nothing changed, and asks "Discard changes?" otherwise', () => {
    expect(typed(start(), '\u001b').request).toMatchObject({ type: 'leave' });
    let s = typed(start(), ' \u001b');
    expect(s.request).toBeNull();
    expect(s.message?.text).toBe('Discard changes? y/N');
    s = typed(s, 'n');
    expect([s.confirm, s.request, isDirty(s)]).toEqual([null, null, true]);
    s = typed(s, '\u001by');
    expect(s.request).toMatchObject({ type: 'leave' });
  });

  it('l opens the launch screen once the draft is saved', () => {
    expect(typed(start(), 'l').request).toMatchObject({ type: 'launch' });
    const dirty = typed(start(), ' l');
    expect(dirty.request).toBeNull();
    expect(dirty.message?.text).toBe('Unsaved changes: s saves them, then l opens the launch');
  });

  it('P cycles profiles (asking first when unsaved); n makes a named copy', () => {
    let s = start({ default: { secrets: { DB: 'db-url' } }, staging: { env: { S: '1' } } });
    s = typed(s, 'P');
    expect(s.profileName).toBe('staging');
    expect(s.draft.plain).toEqual([{ key: 'S', value: '1' }]);
    s = typed(s, ' P');
    expect(s.confirm).toEqual({ after: 'profile', name: 'default', copy: false });
    s = typed(s, 'y');
    expect(s.profileName).toBe('default');

    s = typed(s, 'nstaging');
    expect(editorProblems(s.editor!, s.draft, ['default', 'staging']).key).toBe(
      'a profile named staging exists',
    );
    s = typed(s, '\u0015prod\r');
    expect(s.profileName).toBe('prod');
    expect(toProfile(s.draft).secrets).toEqual({ DB: 'db-url' });
    expect(isDirty(s)).toBe(true);
    // Saving it says so, like `lsec map --profile prod` (issue 10 §5).
    const saved = project({
      default: { secrets: { DB: 'db-url' } },
      prod: { secrets: { DB: 'db-url' } },
    });
    s = mappingsReducer(s, { type: 'saved', project: saved, profileName: 'prod' });
    expect(s.message).toEqual({ tone: 'ok', text: 'Saved: created profile prod in .lsec.json' });
  });

  it('fits the lists to the room the layout gives them', () => {
    const s = mappingsReducer(start(), { type: 'fit', secretRows: 2, plainRows: 1 });
    expect([s.secrets.height, s.plain.height]).toEqual([2, 1]);
    expect(mappingsReducer(s, { type: 'fit', secretRows: 2, plainRows: 1 })).toBe(s);
  });
});
