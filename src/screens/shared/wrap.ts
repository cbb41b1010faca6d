// Word wrapping done by hand, so a screen knows how many lines a command preview or
// a problem's fix takes before it lays out its windowed list (the frame must stay at
// rows - 1). Widths count UTF-16 units, like the rest of the layout code.

/**
 * Splits `text` into lines of at most `width` columns, breaking at spaces; a word
 * longer than the width is cut. `indent` starts every line but the first.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const w = Math.max(1, width);
  const room = Math.max(1, w - indent.length);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(lines.length === 0 ? line : indent + line);
    line = '';
  };
  const limit = () => (lines.length === 0 ? w : room);
  for (const word of text.split(' ')) {
    let rest = word;
    // A word that fits nowhere is cut into pieces of a whole line each.
    while (rest.length > limit()) {
      if (line !== '') push();
      const cut = limit();
      line = rest.slice(0, cut);
      rest = rest.slice(cut);
      push();
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= limit()) line += ` ${rest}`;
    else {
      push();
      line = rest;
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

/**
 * At most `max` lines of `lines`; when some are left out, the last line shown says
 * how many (so a cut is never silent).
 */
export function capLines(lines: readonly string[], max: number, more: (n: number) => string) {
  const room = Math.max(1, max);
  if (lines.length <= room) return [...lines];
  const kept = lines.slice(0, room - 1);
  return [...kept, more(lines.length - kept.length)];
}
