// Fitting one line of text into a known number of columns, for every screen.

/** Cuts `text` to `width` columns with a trailing ellipsis (UTF-16 units; Ink truncates the rest). */
export function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, Math.max(0, width)) : `${text.slice(0, width - 1)}…`;
}
