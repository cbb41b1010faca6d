// Prompts on the terminal. The text goes to stderr so stdout stays clean for output.
// `read` is loaded on first use: scripted runs never prompt and should not pay for it.
import { LsecError, UsageError } from './errors.js';
import { watchPaste } from './paste.js';

/** Ctrl-C at a prompt exits 130, as a shell reports SIGINT; Ctrl-D (end of input) 1. */
export class PromptCancelled extends LsecError {
  constructor(interrupted: boolean) {
    super(interrupted ? 'interrupted' : 'cancelled: end of input', interrupted ? 130 : 1);
  }
}

type ReadOptions = Parameters<typeof import('read')['read']>[0];

/** A Ctrl-C typed ahead of the next prompt: the line that carried it ended this one. */
class TypedAheadInterrupt extends Error {}

/**
 * `read`, but settled on end of input too: on Ctrl-D at an empty line `read` never
 * resolves, the event loop empties and Node would exit with code 13 and no message.
 * Resolves undefined then; rejects on Ctrl-C.
 *
 * Ctrl-C typed right after Enter (one read from the terminal, "pass\r\x03") reaches
 * the keypress decoder after `read` has closed its readline: nobody listens for it,
 * the terminal is back in cooked mode without having seen it as a signal, and the next
 * prompt waited forever. This prompt's own listener sees such a Ctrl-C (no readline
 * listens any more) and turns the answer into an interrupt.
 */
async function readLine(options: ReadOptions): Promise<string | undefined> {
  const { read } = await import('read');
  const input = options.input ?? process.stdin;
  let typedAhead = false;
  const onKey = (_text: string, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === 'c' && input.listenerCount('keypress') === 1) typedAhead = true;
  };
  input.on('keypress', onKey);
  let onIdle = () => {};
  const eof = new Promise<undefined>((resolve) => {
    onIdle = () => resolve(undefined);
    process.once('beforeExit', onIdle);
  });
  try {
    const answer = await Promise.race([read(options).then(String), eof]);
    if (typedAhead) throw new TypedAheadInterrupt();
    return answer;
  } finally {
    process.off('beforeExit', onIdle);
    input.off('keypress', onKey);
  }
}

/** A prompt that echoes nothing (not even stars: no length leak). */
export async function hiddenPrompt(label: string): Promise<string> {
  let answer: string | undefined;
  let interrupted = false;
  const paste = watchPaste(process.stdin, process.stderr);
  try {
    answer = await readLine({
      prompt: label,
      silent: true,
      replace: '',
      input: process.stdin,
      output: process.stderr,
    });
  } catch {
    interrupted = true;
  } finally {
    await paste.stop();
  }
  // The Enter (or Ctrl-C / Ctrl-D) that ended the input was muted with it: end the
  // prompt's line, or the next prompt overwrites it and the next message is glued to it.
  process.stderr.write('\n');
  if (answer === undefined) throw new PromptCancelled(interrupted);
  // Only the first line of a multi-line paste reached the answer: never use a cut value.
  if (paste.multiLine) {
    throw new UsageError(
      'the paste holds more than one line, and a prompt takes one line: nothing was stored',
      'for a multi-line value, read it from a file: lsec add NAME < FILE (or lsec set NAME < FILE)',
    );
  }
  return answer;
}

export async function confirm(question: string): Promise<boolean> {
  try {
    const answer = await readLine({
      prompt: `${question} [y/N] `,
      input: process.stdin,
      output: process.stderr,
    });
    if (answer === undefined) process.stderr.write('\n');
    return /^y(es)?$/i.test((answer ?? '').trim());
  } catch {
    // Ctrl-C: stop the command rather than answer for the user.
    process.stderr.write('\n');
    throw new PromptCancelled(true);
  }
}
