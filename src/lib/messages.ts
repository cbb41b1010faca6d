// The one writer of lsec's messages on stderr (issue 11.6). Every message can hold
// text from a user, a file or a server (a name from .lsec.json, a path, a reason
// phrase), so each line goes through safeLine: a newline or an escape sequence in it is
// shown as ^J / ^[ and can never start a fake `lsec:` line or drive the terminal.
import { safeLine } from './safe-text.js';

const write = (text: string) => process.stderr.write(text);

/** `lsec: TEXT`: progress, notices and warnings. */
export function note(text: string): void {
  write(`lsec: ${safeLine(text)}\n`);
}

/** `lsec: error: MESSAGE`, then the hint (what to do) indented on its own line. */
export function error(message: string, hint?: string): void {
  write(`lsec: error: ${safeLine(message)}\n`);
  if (hint) write(`  ${safeLine(hint)}\n`);
}

/** Lines printed as they are, each made safe on its own (a list of problems). */
export function lines(list: readonly string[]): void {
  for (const line of list) write(`${safeLine(line)}\n`);
}
