// The list movements every list screen shares: arrows, PgUp/PgDn, Home/End, j/k, g/G.
import type { ListAction } from '../../components/list/list-state.js';
import type { Press } from './keys.js';

const NAMED: Partial<Record<string, ListAction>> = {
  up: { type: 'up' },
  down: { type: 'down' },
  pageUp: { type: 'pageUp' },
  pageDown: { type: 'pageDown' },
  home: { type: 'home' },
  end: { type: 'end' },
};

const LETTERS: Partial<Record<string, ListAction>> = {
  j: { type: 'down' },
  k: { type: 'up' },
  // less and vim: g the top, G the bottom.
  g: { type: 'home' },
  G: { type: 'end' },
};

/** The movement a key press asks for; `letters: false` where j/k are typed text. */
export function listMoveOf(p: Press, letters = true): ListAction | undefined {
  if (p.type === 'text') return letters ? LETTERS[p.text] : undefined;
  return NAMED[p.type];
}
