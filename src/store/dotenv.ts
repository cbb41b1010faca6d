// A strict .env reader. We do not use the `dotenv` package here: it skips malformed
// lines silently, lets a repeated key win quietly, and cuts unquoted values at any "#"
// (so https://host/#frag loses its fragment). Import must instead name the line of
// every problem and keep values byte for byte.
import { UsageError } from '../lib/errors.js';
import { isEnvName } from './names.js';

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
}

const KEY_LINE = /^[ \t]*(?:export[ \t]+)?([^\s=#]+)[ \t]*=([ \t]*)/;

export function parseDotenv(text: string, source: string): DotenvEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const seen = new Map<string, number>();
  const fail = (line: number, what: string, fix: string) =>
    new UsageError(`${source}:${line}: ${what}`, `${fix}; nothing was imported`);

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = raw.match(KEY_LINE);
    if (!m) {
      throw fail(lineNo, 'not a KEY=VALUE line', 'write KEY=VALUE, a # comment, or leave it blank');
    }
    const key = m[1]!;
    if (!isEnvName(key)) {
      // A key that does not even look like a name may be a pasted secret: name the
      // line only, so no part of it reaches the terminal or a log.
      const shown = /^[A-Za-z0-9_.-]{1,64}$/.test(key) ? `"${key}"` : 'the key';
      throw fail(
        lineNo,
        `${shown} is not a valid variable name`,
        'use letters, digits and _ (not first a digit)',
      );
    }
    const first = seen.get(key);
    if (first !== undefined) {
      throw fail(lineNo, `${key} appears again (first on line ${first})`, 'keep one of them');
    }
    seen.set(key, lineNo);
    let rest = raw.slice(m[0].length);
    const quote = rest[0];
    let value: string;
    if (quote === '"' || quote === "'") {
      // A quoted value may run over several lines, up to its closing quote.
      let body = rest.slice(1);
      let end = findClose(body, quote);
      while (end === -1 && i + 1 < lines.length) {
        body += `\n${lines[++i]}`;
        end = findClose(body, quote);
      }
      if (end === -1) {
        throw fail(
          lineNo,
          `the ${quote} quote opened here is never closed`,
          `close it with ${quote}`,
        );
      }
      rest = body.slice(end + 1);
      if (rest.trim() !== '' && !/^\s+#/.test(rest)) {
        throw fail(
          i + 1,
          `text after the closing ${quote} quote`,
          'put a space before a # comment',
        );
      }
      const inner = body.slice(0, end);
      value = quote === '"' ? unescapeDouble(inner) : inner;
    } else {
      // Unquoted: a comment starts at whitespace followed by "#", counting the
      // whitespace right after "=" (`KEY= # note` is empty, as in a shell); `a#b`
      // and URL fragments stay.
      value = `${m[2]}${rest}`
        .replace(/\s+#.*$/, '')
        .replace(/^[ \t]+/, '')
        .replace(/\s+$/, '');
    }
    entries.push({ key, value, line: lineNo });
  }
  return entries;
}

function findClose(body: string, quote: string): number {
  for (let j = 0; j < body.length; j++) {
    if (quote === '"' && body[j] === '\\') {
      j++;
      continue;
    }
    if (body[j] === quote) return j;
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescapeDouble(s: string): string {
  return s.replace(/\\([nrt"\\])/g, (_, c: string) => ESCAPES[c]!);
}
