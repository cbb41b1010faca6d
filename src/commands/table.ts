import { safeLine } from '../lib/safe-text.js';

/** Plain aligned columns for scriptable output; every cell sanitized. */
export function formatTable(header: string[], rows: string[][]): string {
  const cells = [header, ...rows.map((r) => r.map(safeLine))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))
    .join('\n')
    .concat('\n');
}

/** An ISO date as the tables show it: "2026-01-02 03:04:05Z". */
export function shortDate(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
