// Every key of the mappings screen, for `?`.
import type { KeyHint } from '../../components/key-help.js';

export const MAPPINGS_HELP: readonly KeyHint[] = [
  { keys: '↑/↓  j/k', what: 'move (down past the secrets into the plain variables)' },
  { keys: 'PgUp/PgDn Home/End g/G', what: 'page, first, last' },
  { keys: 'Tab', what: 'jump between secrets and plain variables' },
  { keys: '/', what: 'filter the secrets as you type (fuzzy: letters in order)' },
  { keys: 'o', what: 'list only the secrets this profile maps, or all again' },
  { keys: 'Space', what: 'map or unmap the selected secret' },
  { keys: 'e  Enter', what: 'rename its env variable, or edit the plain variable' },
  { keys: 'a', what: 'add a plain variable (NAME and value, no "=" in the value)' },
  { keys: 'd', what: 'delete the selected plain variable' },
  { keys: 's', what: 'save the profile to .lsec.json' },
  { keys: 'P', what: 'next profile (asks before dropping unsaved changes)' },
  { keys: 'n', what: 'new profile, starting as a copy of this one' },
  { keys: 'l', what: 'launch screen for this profile (once saved)' },
  { keys: 'Esc', what: 'clear the filter; else back (asks before dropping unsaved changes)' },
  { keys: 'in the filter', what: 'typing filters · ↑/↓ move · Enter keeps it · Esc clears it' },
  { keys: 'in a field', what: 'Enter keeps · Esc cancels · Tab name/value' },
  { keys: '?', what: 'this help' },
];
