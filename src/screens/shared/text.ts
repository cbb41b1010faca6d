import { homedir } from 'node:os';
import { sep } from 'node:path';
import { count } from '../../lib/count.js';

/** "the vault is locked" -> "The vault is locked": store messages start lower-case. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as local "YYYY-MM-DD HH:MM" (16 columns), or the input if unparsable. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Hard-wraps each line of `text` at `width` columns. */
export function hardWrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') out.push('');
    for (let i = 0; i < line.length; i += w) out.push(line.slice(i, i + w));
  }
  return out;
}

/** "3 seconds", "1 minute", "5 minutes". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return count(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  return count(minutes, 'minute');
}

/** The path with the home folder shown as "~", as a shell user writes it. */
export function tildePath(path: string, home: string = homedir()): string {
  if (home && (path === home || path.startsWith(`${home}${sep}`)))
    return `~${path.slice(home.length)}`;
  return path;
}
