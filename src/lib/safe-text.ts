// The one sanitizer for every string that reaches the terminal and came from a user,
// a file or a server. Ink strips only some escape sequences (OSC, SGR, \r, \b,
// bidi and zero-width characters pass through), so we make them all visible.
// Applied where text is printed, never in the store, so exported data keeps its bytes.

// C0 except \t and \n, DEL, C1, zero-width, bidi embeddings/overrides/isolates, BOM.
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Same set plus \t and \n, for text that must stay on one line (names, list rows).
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`; // ESC -> ^[, \r -> ^M
  if (code === 0x7f) return '^?';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes every control, bidi and zero-width character visible; keeps tabs and newlines. */
export function safeText(input: string): string {
  return input.replace(UNSAFE, visible);
}

/** Like safeText, but also makes tabs and newlines visible so the result is one line. */
export function safeLine(input: string): string {
  return input.replace(UNSAFE_LINE, visible);
}
