// A hidden prompt reads one line: Enter ends it. A pasted multi-line value (a PEM key)
// used to keep only its first line, and the prompt said "added" (issue 12, bug 3).
// While a prompt is open, bracketed paste is turned on (ESC[?2004h), so the terminal
// wraps a paste in ESC[200~ … ESC[201~; a line break inside one, or any byte after a
// line break in the same read (a terminal without bracketed paste), marks a
// multi-line paste, and the prompt refuses it instead of storing a cut value. The
// rest of the paste is read and dropped (with echo off) so no line of a secret
// reaches the shell after lsec exits.

const START = '\x1b[200~';
const END = '\x1b[201~';

export interface PasteWatch {
  /** Whether a paste with a line break in it was seen. */
  readonly multiLine: boolean;
  /** Ends the watch: waits for the end of a paste still arriving, then turns it off. */
  stop(): Promise<void>;
}

export function watchPaste(input: NodeJS.ReadStream, output: NodeJS.WriteStream): PasteWatch {
  let inPaste = false;
  let multiLine = false;
  // A line break seen in a paste: only text after it makes the paste multi-line, so a
  // value copied with its trailing newline still goes in whole (as from stdin).
  let breakInPaste = false;
  let onEnd: (() => void) | undefined;
  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    let i = 0;
    while (i < text.length) {
      if (text.startsWith(START, i)) {
        inPaste = true;
        breakInPaste = false;
        i += START.length;
      } else if (text.startsWith(END, i)) {
        inPaste = false;
        i += END.length;
        onEnd?.();
      } else {
        const ch = text[i]!;
        const lineBreak = ch === '\r' || ch === '\n';
        const crlf = ch === '\n' && text[i - 1] === '\r';
        if (inPaste) {
          if (breakInPaste && !crlf) multiLine = true;
          if (lineBreak) breakInPaste = true;
        } else if (lineBreak && i < text.length - 1 && !text.startsWith('\n', i + 1)) {
          // No bracketed paste: bytes after a line break in one read were pasted.
          multiLine = true;
        }
        i++;
      }
    }
  };
  const tty = input.isTTY === true && output.isTTY === true;
  if (tty) output.write('\x1b[?2004h');
  // The prompt's reader ends at the paste's first line break and turns raw mode off;
  // the rest of the paste would then be echoed by the terminal driver. While a paste is
  // arriving, that switch waits until stop() has drained it.
  const setRawMode = tty ? input.setRawMode.bind(input) : undefined;
  if (setRawMode) {
    input.setRawMode = (mode: boolean) => (!mode && inPaste ? input : setRawMode(mode));
  }
  // Listening must not start the stream flowing before the prompt's reader is
  // attached (typed-ahead bytes would reach only this listener): pause first; the
  // reader resumes it.
  input.pause();
  input.prependListener('data', onData);
  return {
    get multiLine() {
      return multiLine;
    },
    async stop() {
      if (inPaste && setRawMode) {
        // Drain the paste's remaining bytes in raw mode: echo off, nothing left for the shell.
        setRawMode(true);
        input.resume();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000); // a terminal that never ends the paste
          onEnd = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        setRawMode(false);
        input.pause();
      }
      if (setRawMode) Reflect.deleteProperty(input, 'setRawMode'); // back to the prototype's
      input.off('data', onData);
      if (tty) output.write('\x1b[?2004l');
    },
  };
}
