// The mappings screen's state and the helpers both key layers use (reducer.ts for
// editors and questions, normal.ts for the list keys). Pure.
import { type TextState, textState } from '../../components/input/text-state.js';
import type { Matcher } from '../../components/list/fuzzy.js';
import { initialListState, type ListState } from '../../components/list/list-state.js';
import { emptyProfile, normalizeProfile, type ProjectData } from '../../store/project-schema.js';
import type { Message } from '../shared/frame.js';
import type { Press } from '../shared/keys.js';
import { type Draft, draftFrom, draftIssues, toProfile, withCloudOnly } from './draft.js';
import type { Editor } from './editor.js';
import { reindex } from './filter.js';

export type MappingsRequest =
  | { id: number; type: 'save'; profileName: string; profile: ReturnType<typeof toProfile> }
  | { id: number; type: 'leave' }
  | { id: number; type: 'help' }
  | { id: number; type: 'launch' };

/** What `y` does once "Discard changes?" is answered. */
export type Pending = { after: 'leave' } | { after: 'profile'; name: string; copy: boolean };

export interface MappingsState {
  /** The project as last read or saved. */
  project: ProjectData;
  profileName: string;
  vaultNames: readonly string[];
  /** The cloud's secrets the vault lacks, offered as rows too (empty until listed). */
  cloudOnly: readonly string[];
  draft: Draft;
  /** The saved profile as JSON, to tell unsaved changes; '' when it was never saved. */
  saved: string;
  focus: 'secrets' | 'plain';
  /** The secret rows' names (draft.rows order) and lower-cased, for the filter. */
  names: readonly string[];
  lower: readonly string[];
  /** The fuzzy matcher once loaded; until then the filter matches substrings. */
  matcher?: Matcher;
  filter: TextState;
  /** The filter field has the keys. */
  filtering: boolean;
  /** Rows (draft indices) matching the filter, best first; all rows without one. */
  matched: readonly number[];
  /** Only the secrets this draft maps are listed (o). */
  mappedOnly: boolean;
  /** The rows listed: `matched`, less unmapped ones when mappedOnly. The cursor runs over these. */
  shown: readonly number[];
  /** The cursor over `shown`. */
  secrets: ListState;
  plain: ListState;
  /** Where each list's first row is on the terminal (layout.ts listTops), for clicks. */
  tops: { secrets: number; plain: number };
  editor: Editor | null;
  confirm: Pending | null;
  /** The whole command is open on a page of its own (f), at this first line. */
  review: { offset: number } | null;
  /** Lines of the whole command and the room its page has, for scrolling it. */
  command: { lines: number; room: number };
  request: MappingsRequest | null;
  message: Message | null;
}

export type MappingsAction =
  | { type: 'keys'; presses: Press[] }
  | {
      type: 'fit';
      secretRows: number;
      plainRows: number;
      tops?: { secrets: number; plain: number };
      command?: { lines: number; room: number };
    }
  | { type: 'saved'; project: ProjectData; profileName: string }
  | { type: 'failed'; message: string }
  | { type: 'matcher'; matcher: Matcher }
  /** The cloud was listed: these secrets exist only there. */
  | { type: 'cloud'; names: readonly string[] }
  /** Unsaved edits an auto-lock kept (names only): show them again, still unsaved. */
  | { type: 'restore'; profileName: string; draft: Draft; saved: string };

export function profileOf(project: ProjectData, name: string) {
  const found = Object.hasOwn(project.profiles, name) ? project.profiles[name] : undefined;
  return found ? normalizeProfile(found) : emptyProfile();
}

/** The profile names to cycle through: the file's, plus the shown one when it is new. */
export function profileNames(state: Pick<MappingsState, 'project' | 'profileName'>): string[] {
  const names = Object.keys(state.project.profiles);
  return names.includes(state.profileName) ? names : [...names, state.profileName];
}

// Asked on every frame (the title says "unsaved"), and a draft may hold thousands of
// rows: its answer is kept per draft, which a change always replaces.
const dirtyOf = new WeakMap<Draft, { saved: string; dirty: boolean }>();

export function isDirty(state: MappingsState): boolean {
  const known = dirtyOf.get(state.draft);
  if (known?.saved === state.saved) return known.dirty;
  const dirty = JSON.stringify(toProfile(state.draft)) !== state.saved;
  dirtyOf.set(state.draft, { saved: state.saved, dirty });
  return dirty;
}

/** Shows profile `name`; `copy` makes it a new profile that starts as the current draft. */
export function showProfile(state: MappingsState, name: string, copy = false): MappingsState {
  const profile = copy ? toProfile(state.draft) : profileOf(state.project, name);
  const draft = withCloudOnly(draftFrom(profile, state.vaultNames), state.cloudOnly);
  // The filter and "mapped only" stay on across profiles.
  return reindex({
    ...state,
    profileName: name,
    draft,
    saved: copy ? '' : JSON.stringify(toProfile(draft)),
    focus: 'secrets',
    secrets: initialListState(draft.rows.length, state.secrets.height),
    plain: initialListState(draft.plain.length, state.plain.height),
    editor: null,
    confirm: null,
  });
}

export function initialMappingsState(
  project: ProjectData,
  profileName: string,
  vaultNames: readonly string[],
  heights = { secretRows: 10, plainRows: 3 },
): MappingsState {
  const empty: MappingsState = {
    project,
    profileName,
    vaultNames,
    cloudOnly: [],
    draft: draftFrom(emptyProfile(), []),
    saved: '',
    focus: 'secrets',
    names: [],
    lower: [],
    filter: textState(),
    filtering: false,
    matched: [],
    mappedOnly: false,
    shown: [],
    secrets: initialListState(0, heights.secretRows),
    plain: initialListState(0, heights.plainRows),
    tops: { secrets: 0, plain: 0 },
    editor: null,
    confirm: null,
    review: null,
    command: { lines: 0, room: 1 },
    request: null,
    message: null,
  };
  return showProfile(empty, profileName);
}

export function ask(state: MappingsState, type: 'leave' | 'help' | 'launch'): MappingsState {
  return { ...state, request: { id: (state.request?.id ?? 0) + 1, type } };
}

export function save(state: MappingsState): MappingsState {
  // Only what the file must not hold blocks a save (names, clashes, "=" in a value);
  // a secret missing from the vault or a missing app file is the launch's business.
  const issues = draftIssues(state.draft);
  const rows = [...issues.secrets, ...issues.plain].filter((list) => list.length > 0).length;
  if (rows > 0) {
    const text = `Fix the ${rows === 1 ? '✗ row' : `${rows} ✗ rows`} first; nothing was saved`;
    return { ...state, message: { tone: 'error', text } };
  }
  if (!isDirty(state)) return { ...state, message: { tone: 'info', text: 'No changes to save' } };
  const request: MappingsRequest = {
    id: (state.request?.id ?? 0) + 1,
    type: 'save',
    profileName: state.profileName,
    profile: toProfile(state.draft),
  };
  return { ...state, request, message: { tone: 'info', text: 'Saving…' } };
}
