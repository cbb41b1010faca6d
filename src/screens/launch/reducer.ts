// The launch screen's keys as a pure reducer. The checks themselves are computed by
// the container from the project file, the vault and the cloud; the reducer only
// records what the user asked for (target, app, launch) and the container's answers.
import { type TextState, textState } from '../../components/input/text-state.js';
import type { Target } from '../../store/project-schema.js';
import { commandPageKey, scrollPage } from '../shared/command.js';
import { editField } from '../shared/field.js';
import type { Message } from '../shared/frame.js';
import { type Press, singleKeys } from '../shared/keys.js';

export type LaunchRequestKind = 'leave' | 'mappings' | 'help' | 'quit';

export interface LaunchState {
  target: 'cloud' | 'local';
  /** What the launch starts: `run app` or `deployment create|update` (t switches). */
  kind: Target;
  /** The app typed here, for a profile that names none (saved once the launch goes ahead). */
  app: TextState;
  editingApp: boolean;
  /** Whether the profile names its app; then the app is not edited here. */
  appFromProfile: boolean;
  /** Ask the cloud whether it has each mapped secret (v turns it off, like --no-verify). */
  verify: boolean;
  /** Bumped by r: ask the cloud again. */
  retry: number;
  /** Launch as soon as every check passes (Enter, or L on the home screen). */
  armed: boolean;
  /**
   * The whole command is open on a page of its own (f, or Enter when it does not fit
   * on this screen), at this first line; y there launches it.
   */
  review: { offset: number } | null;
  /** y was pressed on the whole command: launch even though this screen cannot show it all. */
  confirmed: boolean;
  /** Lines of the whole command and the room its page has, for scrolling it. */
  command: { lines: number; room: number };
  /** First line of the checks shown, when they do not all fit. */
  offset: number;
  /** Lines of checks and the room they have, as the container last laid them out. */
  lines: number;
  room: number;
  request: { id: number; kind: LaunchRequestKind } | null;
  message: Message | null;
  /** An app file found beside .lsec.json that filled the App field (foundApp says if it still does). */
  proposed?: string;
}

/** The found app file while the App field still holds it untouched. */
export function foundApp(state: LaunchState): string | undefined {
  return state.proposed !== undefined && state.app.value === state.proposed
    ? state.proposed
    : undefined;
}

export type LaunchAction =
  | { type: 'keys'; presses: Press[] }
  /** The container could not launch: say why and wait for the next Enter. */
  | { type: 'blocked'; message: string }
  /** Lines of checks and of the whole command, and the room each has, for scrolling. */
  | { type: 'fit'; lines: number; room: number; command?: { lines: number; room: number } }
  /** Enter, but the command is not all on screen: show it whole and ask for y. */
  | { type: 'review' }
  /** The profile was read again (back from the mappings); `other` when it is another profile. */
  | { type: 'reload'; profile: LaunchProfile; other: boolean };

type LaunchProfile = { app?: string; cloud?: boolean; target?: Target };

/**
 * `proposed`: an app file found beside .lsec.json (app.py) for a profile that names
 * none; it fills the App field, so Enter launches it and saves it to the profile.
 */
export function initialLaunchState(
  profile: LaunchProfile,
  now = false,
  proposed?: string,
): LaunchState {
  const appFromProfile = profile.app !== undefined && profile.app !== '';
  const found = !appFromProfile && profile.target !== 'deployment' && proposed !== undefined;
  return {
    target: profile.cloud === false ? 'local' : 'cloud',
    kind: profile.target ?? 'app',
    app: textState(found ? proposed : ''),
    // A deployment is named by the profile's "name"; there is no app file to type.
    editingApp: !appFromProfile && profile.target !== 'deployment',
    appFromProfile,
    verify: true,
    retry: 0,
    armed: now,
    review: null,
    confirmed: false,
    command: { lines: 0, room: 1 },
    offset: 0,
    lines: 0,
    room: 1,
    request: null,
    // What the found file means depends on the checks: the screen says it (index.tsx).
    message: null,
    proposed: found ? proposed : undefined,
  };
}

function scroll(state: LaunchState, by: number): LaunchState {
  const max = Math.max(0, state.lines - state.room);
  const offset = Math.max(0, Math.min(max, state.offset + by));
  return offset === state.offset ? state : { ...state, offset };
}

function ask(state: LaunchState, kind: LaunchRequestKind): LaunchState {
  return { ...state, armed: false, request: { id: (state.request?.id ?? 0) + 1, kind } };
}

const arm = (state: LaunchState): LaunchState => ({
  ...state,
  armed: true,
  confirmed: false,
  message: { tone: 'info', text: 'Launching once every check passes…' },
});

function appPress(state: LaunchState, p: Press): LaunchState {
  if (p.type === 'escape' || p.type === 'tab') {
    return { ...state, editingApp: false, message: null };
  }
  if (p.type === 'enter') {
    if (state.app.value.trim() === '') {
      return { ...state, message: { tone: 'error', text: 'Type the app file, e.g. app.py' } };
    }
    return arm({ ...state, editingApp: false });
  }
  const app = editField(state.app, p);
  return app && app !== state.app ? { ...state, app, armed: false, message: null } : state;
}

function scrollCommand(state: LaunchState, by: number): LaunchState {
  const from = state.review?.offset ?? 0;
  const offset = scrollPage(state.command, from, by);
  return offset === from ? state : { ...state, review: { offset } };
}

/** Keys on the whole command's page: scroll, y launches, Esc (or f) goes back. */
function reviewPress(state: LaunchState, p: Press): LaunchState {
  if (p.type === 'text' && (p.text === 'y' || p.text === 'Y')) {
    return { ...arm({ ...state, review: null }), confirmed: true };
  }
  const key = commandPageKey(p, state.command.room);
  if (!key) return state;
  return 'close' in key ? { ...state, review: null, message: null } : scrollCommand(state, key.by);
}

function press(state: LaunchState, p: Press): LaunchState {
  if (state.review) return reviewPress(state, p);
  if (state.editingApp) return appPress(state, p);
  const key = p.type === 'text' ? p.text : p.type;
  switch (key) {
    case 'f':
      return { ...state, review: { offset: 0 }, armed: false, message: null };
    case 'enter':
      return arm(state);
    case 't': {
      const kind = state.kind === 'app' ? 'deployment' : 'app';
      return { ...state, kind, armed: false, message: null };
    }
    case 'c': {
      if (state.kind === 'deployment') {
        const text = 'A deployment runs in the cloud (t switches back to an app)';
        return { ...state, message: { tone: 'info', text } };
      }
      const target = state.target === 'cloud' ? 'local' : 'cloud';
      return { ...state, target, armed: false, message: null };
    }
    case 'a':
      if (state.kind === 'deployment') {
        const text = 'A deployment is named by "name" in .lsec.json; t switches to an app';
        return { ...state, message: { tone: 'info', text } };
      }
      if (state.appFromProfile) {
        return { ...state, message: { tone: 'info', text: 'The app comes from .lsec.json' } };
      }
      return { ...state, editingApp: true, armed: false, message: null };
    case 'v':
      return { ...state, verify: !state.verify, armed: false, message: null };
    case 'r':
      return { ...state, verify: true, retry: state.retry + 1, armed: false, message: null };
    case 'down':
    case 'j':
      return scroll(state, 1);
    case 'up':
    case 'k':
      return scroll(state, -1);
    case 'pageDown':
      return scroll(state, state.room - 1);
    case 'pageUp':
      return scroll(state, -(state.room - 1));
    case 'm':
      return ask(state, 'mappings');
    case 'q':
      return ask(state, 'quit');
    case '?':
      return ask(state, 'help');
    case 'escape':
      return ask(state, 'leave');
    default:
      return state;
  }
}

export function launchReducer(state: LaunchState, action: LaunchAction): LaunchState {
  switch (action.type) {
    case 'keys': {
      let next = state;
      // Typed text goes to the app field whole; as commands each character is a key.
      for (const p of action.presses) {
        next = next.editingApp ? press(next, p) : singleKeys([p]).reduce(press, next);
      }
      return next;
    }
    case 'blocked':
      return { ...state, armed: false, message: { tone: 'error', text: action.message } };
    case 'reload': {
      // Another profile starts afresh; the same one keeps the target and a typed app.
      if (action.other)
        return { ...initialLaunchState(action.profile), lines: state.lines, room: state.room };
      const fresh = initialLaunchState(action.profile);
      if (fresh.appFromProfile === state.appFromProfile) return state;
      return { ...state, appFromProfile: fresh.appFromProfile, editingApp: fresh.editingApp };
    }
    case 'fit': {
      const { command = state.command } = action;
      const same = command.lines === state.command.lines && command.room === state.command.room;
      if (action.lines === state.lines && action.room === state.room && same) return state;
      const fitted = scroll({ ...state, lines: action.lines, room: action.room, command }, 0);
      return fitted.review ? scrollCommand(fitted, 0) : fitted;
    }
    case 'review':
      return {
        ...state,
        armed: false,
        review: { offset: 0 },
        message: {
          tone: 'info',
          text: 'Read the whole command; y launches it',
        },
      };
  }
}
