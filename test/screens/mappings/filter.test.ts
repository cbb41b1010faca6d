// The mappings screen's filter (/) and "mapped only" (o), through the reducer with the
// real fuzzy matcher: which rows show, which row a key acts on, and that keys typed
// into the filter do nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatcher, type Matcher } from '../../../src/components/list/fuzzy.js';
import { selectedRow } from '../../../src/screens/mappings/filter.js';
import { mappingsReducer } from '../../../src/screens/mappings/reducer.js';
import { initialMappingsState, type MappingsState } from '../../../src/screens/mappings/state.js';
import type { Press } from '../../../src/screens/shared/keys.js';
import type { Profile } from '../../../src/store/project-schema.js';
import { chunk, key } from '../presses.js';

const VAULT = ['aws-key', 'db-url', 'openai-key', 'stripe'];
let matcher: Matcher;
beforeAll(async () => {
  matcher = await loadMatcher();
});

function start(secrets: Profile['secrets'] = {}, withMatcher = true): MappingsState {
  const profiles = { default: { env: {}, secrets } };
  const s = initialMappingsState({ version: 1, profiles }, 'default', VAULT);
  return withMatcher ? mappingsReducer(s, { type: 'matcher', matcher }) : s;
}

const keys = (state: MappingsState, ...presses: Press[]) =>
  mappingsReducer(state, { type: 'keys', presses });
const typed = (state: MappingsState, input: string) => keys(state, ...chunk(input));
/** The secret names listed, top to bottom. */
const listed = (s: MappingsState) => s.shown.map((i) => s.draft.rows[i]!.secret);
const selected = (s: MappingsState) => s.draft.rows[selectedRow(s) ?? -1]?.secret;

describe('the mappings filter', () => {
  it('/ filters fuzzily, best match first, and letters typed into it are not keys', () => {
    const s = typed(start(), '/aky');
    expect(s.filtering).toBe(true);
    expect(listed(s)).toEqual(['aws-key', 'openai-key']);
    expect(selected(s)).toBe('aws-key');
    // o (mapped only), s (save), e (rename), a (add) and d are typed, not run.
    const t = typed(start(), '/oseadP');
    expect(t.filter.value).toBe('oseadP');
    expect(t.mappedOnly).toBe(false);
    expect(t.request).toBeNull();
    expect(t.editor).toBeNull();
    expect(t.profileName).toBe('default');
  });

  it('typed one key at a time or in one chunk, the result is the same', () => {
    const one = ['/', 'k', 'e', 'y'].reduce((s, c) => typed(s, c), start());
    expect(listed(one)).toEqual(listed(typed(start(), '/key')));
  });

  it('matches substrings until the fuzzy matcher loads, then fuzzily', () => {
    const before = typed(start({}, false), '/aky');
    expect(listed(before)).toEqual([]);
    const after = mappingsReducer(before, { type: 'matcher', matcher });
    expect(listed(after)).toEqual(['aws-key', 'openai-key']);
  });

  it('Space maps the row found, not the row at that place in the full list', () => {
    let s = typed(start(), '/strp');
    expect(listed(s)).toEqual(['stripe']);
    s = keys(s, key('enter'));
    expect(s.filtering).toBe(false);
    s = typed(s, ' ');
    expect(s.draft.rows.find((r) => r.secret === 'stripe')!.order).toBe(0);
    expect(s.draft.rows.find((r) => r.secret === 'aws-key')!.order).toBeNull();
  });

  it('↑/↓ move in the filtered list while it has the keys; Esc clears and keeps the selection', () => {
    let s = typed(start(), '/key');
    expect(listed(s)).toEqual(['aws-key', 'openai-key']);
    s = keys(s, key('down'));
    expect(s.filtering).toBe(true);
    expect(selected(s)).toBe('openai-key');
    s = keys(s, key('escape'));
    expect(s.filtering).toBe(false);
    expect(s.filter.value).toBe('');
    expect(listed(s)).toEqual(VAULT);
    expect(selected(s)).toBe('openai-key');
    expect(s.request).toBeNull();
  });

  it('Esc first clears a kept filter, then leaves', () => {
    let s = keys(typed(start(), '/db'), key('enter'));
    s = keys(s, key('escape'));
    expect(s.filter.value).toBe('');
    expect(s.request).toBeNull();
    expect(selected(s)).toBe('db-url');
    s = keys(s, key('escape'));
    expect(s.request?.type).toBe('leave');
  });

  it('finds a secret listed twice (two env names) under both', () => {
    const s = typed(start({ DB: 'db-url', DB2: 'db-url' }), '/dbu');
    expect(s.shown.map((i) => s.draft.rows[i]!.env)).toEqual(['DB', 'DB2']);
  });
});

describe('mapped only', () => {
  it('o lists only the secrets the draft maps, and o again all, the selection kept', () => {
    let s = start({ DB: 'db-url', STRIPE: 'stripe' });
    s = keys(s, key('down'));
    expect(selected(s)).toBe('db-url');
    s = typed(s, 'o');
    expect(s.mappedOnly).toBe(true);
    expect(listed(s)).toEqual(['db-url', 'stripe']);
    expect(selected(s)).toBe('db-url');
    s = typed(s, 'o');
    expect(listed(s)).toEqual(VAULT);
    expect(selected(s)).toBe('db-url');
  });

  it('an unticked secret leaves the list at once; the cursor stays in it', () => {
    let s = typed(start({ DB: 'db-url', STRIPE: 'stripe' }), 'oj ');
    expect(listed(s)).toEqual(['db-url']);
    expect(selected(s)).toBe('db-url');
    s = typed(s, ' ');
    expect(listed(s)).toEqual([]);
    expect(typed(s, ' ').message?.text).toMatch(/o lists them all/);
  });

  it('combines with the filter, and works off the draft (unsaved ticks count)', () => {
    let s = typed(start(), ' '); // aws-key ticked, not saved
    s = typed(s, 'o');
    expect(listed(s)).toEqual(['aws-key']);
    s = keys(typed(s, 'o/key'), key('enter'));
    expect(listed(s)).toEqual(['aws-key', 'openai-key']);
    s = typed(s, 'o');
    expect(listed(s)).toEqual(['aws-key']);
  });
});
