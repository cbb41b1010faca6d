// Home's keys as data: the reducer, the status bar and the help screen all read this
// table, so a new key (m mappings, l launch, p push…) is one entry here and, for a
// new screen, one entry in screens/registry.ts.
import type { KeyHint } from '../../components/key-help.js';
import type { NamedKey } from '../shared/keys.js';
import type { Route } from '../types.js';

export type HomeCommand =
  /** Open a screen; `selected` is the selected secret's name when there is one. */
  | { type: 'open'; route: (selected: string | undefined) => Route }
  | { type: 'reveal' }
  /** Copy the selected value to the clipboard (cleared after LSEC_CLIP_TIME). */
  | { type: 'copy' }
  /** Bring back the most recently deleted secret from the vault's trash. */
  | { type: 'undo' }
  | { type: 'filter' }
  | { type: 'clearFilter' }
  | { type: 'help' }
  | { type: 'refresh' }
  | { type: 'sort' }
  | { type: 'quit' };

export interface HomeBinding {
  /** A printable character, or a named key. */
  key: string | { named: NamedKey };
  /** How help names the key. */
  label: string;
  /** What it does, for the help screen. */
  what: string;
  /** Short word for the status bar; omitted: help only. */
  status?: string;
  /** How the status bar names the key, when not `label` (l's hint also stands for L). */
  statusLabel?: string;
  /** Acts on the selected secret, so it does nothing on an empty list. */
  needsSelection?: boolean;
  /** Needs the selected secret's local value, which a cloud-only secret lacks. */
  needsValue?: boolean;
  command: HomeCommand;
}

/** How long a revealed value stays on screen; every text that says so reads it here. */
export const REVEAL_MS = 15_000;
export const REVEAL_SECONDS = Math.round(REVEAL_MS / 1000);

export const HOME_BINDINGS: readonly HomeBinding[] = [
  {
    key: 'a',
    label: 'a',
    what: 'add a secret',
    status: 'add',
    command: { type: 'open', route: () => ({ screen: 'edit' }) },
  },
  {
    key: 'e',
    label: 'e',
    what: 'edit the selected value',
    needsSelection: true,
    needsValue: true,
    command: { type: 'open', route: (name) => ({ screen: 'edit', name }) },
  },
  {
    key: { named: 'enter' },
    label: 'Enter',
    what: 'edit the selected value',
    needsSelection: true,
    needsValue: true,
    command: { type: 'open', route: (name) => ({ screen: 'edit', name }) },
  },
  {
    key: 'd',
    label: 'd',
    what: 'delete the selected secret (asks first)',
    status: 'delete',
    needsSelection: true,
    needsValue: true,
    command: { type: 'open', route: (name) => ({ screen: 'delete', name: name ?? '' }) },
  },
  {
    key: 'r',
    label: 'r',
    what: `reveal the selected value (${REVEAL_SECONDS} s, or until the cursor moves)`,
    status: 'reveal',
    needsSelection: true,
    needsValue: true,
    command: { type: 'reveal' },
  },
  {
    key: 'c',
    label: 'c',
    what: 'copy the selected value to the clipboard (cleared after 45 s)',
    needsSelection: true,
    needsValue: true,
    command: { type: 'copy' },
  },
  {
    key: 'n',
    label: 'n',
    what: 'rename the selected secret (mappings in .lsec.json follow)',
    needsSelection: true,
    needsValue: true,
    command: { type: 'open', route: (name) => ({ screen: 'rename', name: name ?? '' }) },
  },
  {
    key: 'u',
    label: 'u',
    what: 'undo the last delete (from the trash, kept 30 days)',
    command: { type: 'undo' },
  },
  {
    key: 'p',
    label: 'p',
    what: 'push the selected secret, or all, to the Lightning cloud (asks)',
    status: 'push',
    command: { type: 'open', route: (name) => ({ screen: 'push', name }) },
  },
  {
    key: 'm',
    label: 'm',
    what: 'map secrets to env variables, plain variables, profiles',
    status: 'map',
    command: { type: 'open', route: () => ({ screen: 'mappings' }) },
  },
  {
    key: 'l',
    label: 'l',
    what: 'launch screen: target, checks and the command',
    status: 'launch',
    statusLabel: 'l/L',
    command: { type: 'open', route: () => ({ screen: 'launch' }) },
  },
  {
    key: 'L',
    label: 'L',
    what: 'launch now when every check passes, else show the problems',
    command: { type: 'open', route: () => ({ screen: 'launch', now: true }) },
  },
  {
    key: 'R',
    label: 'R',
    what: 'reload the list from the vault file and ask the cloud again',
    status: 'reload',
    command: { type: 'refresh' },
  },
  {
    key: 's',
    label: 's',
    what: 'sort by name, or by last update (newest first)',
    command: { type: 'sort' },
  },
  {
    key: '/',
    label: '/',
    what: 'filter the names as you type',
    status: 'filter',
    command: { type: 'filter' },
  },
  {
    key: { named: 'escape' },
    label: 'Esc',
    what: 'clear the filter',
    command: { type: 'clearFilter' },
  },
  { key: '?', label: '?', what: 'help: every key', status: 'help', command: { type: 'help' } },
  { key: 'q', label: 'q', what: 'quit', status: 'quit', command: { type: 'quit' } },
];

/** The list keys, handled by the list reducer; listed for help. */
export const MOVE_KEYS: readonly KeyHint[] = [
  { keys: '↑/↓  j/k', what: 'move' },
  { keys: 'PgUp/PgDn', what: 'page up / down' },
  { keys: 'Home/End  g/G', what: 'first / last' },
];

export const FILTER_KEYS: readonly KeyHint[] = [
  { keys: 'typing', what: 'narrow the list: the letters in order, best match first' },
  { keys: 'Enter', what: 'keep the filter and go back to the list' },
  { keys: 'Esc', what: 'clear the filter' },
];

export function bindingFor(
  bindings: readonly HomeBinding[],
  press: { type: string; text?: string },
): HomeBinding | undefined {
  return bindings.find((b) =>
    typeof b.key === 'string'
      ? press.type === 'text' && press.text === b.key
      : press.type === b.key.named,
  );
}

/** Every key of the home screen, for `?`. */
export function homeHelp(bindings: readonly HomeBinding[] = HOME_BINDINGS): KeyHint[] {
  return [
    ...MOVE_KEYS,
    ...bindings.map((b) => ({ keys: b.label, what: b.what })),
    { keys: 'Ctrl+C', what: 'quit at once (exit code 130)' },
    ...FILTER_KEYS.map((k) => ({ keys: `/ then ${k.keys}`, what: k.what })),
  ];
}

/** The short hints of the status bar. */
export function statusHints(bindings: readonly HomeBinding[] = HOME_BINDINGS): KeyHint[] {
  return bindings.flatMap((b) =>
    b.status ? [{ keys: b.statusLabel ?? b.label, what: b.status }] : [],
  );
}
