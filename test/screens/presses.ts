// Builders for reducer tests: presses as Ink would deliver them, without Ink.
import type { Key } from 'ink';
import { type NamedKey, type Press, pressesOf } from '../../src/screens/shared/keys.js';

export const text = (t: string): Press => ({ type: 'text', text: t });
export const key = (type: NamedKey): Press => ({ type });
export const ctrl = (letter: string): Press => ({ type: 'ctrl', letter });

/** A key object with every flag off, plus `flags`. */
export function inkKey(flags: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...flags,
  } as Key;
}

/** The presses of a plain-text chunk, as Ink hands it over (one event, no flags). */
export const chunk = (input: string): Press[] => pressesOf(input, inkKey());
