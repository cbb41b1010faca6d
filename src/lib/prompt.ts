// Prompts on the terminal. The text goes to stderr so stdout stays clean for output.
// `read` is loaded on first use: scripted runs never prompt and should not pay for it.
import { LsecError } from './errors.js';

/** Ctrl-C at a prompt exits 130, as a shell reports SIGINT; Ctrl-D (end of input) 1. */
export class PromptCancelled extends LsecError {
  constructor(interrupted: boolean) {
    super(interrupted ? 'interrupted' : 'cancelled: end of input', interrupted ? 130 : 1);
  }
}

type ReadOptions = Parameters<typeof import('read')['read']>[0];

/**
 * `read`, but settled on end of input too: on Ctrl-D at an empty line `read` never
 * resolves, the event loop empties and Node would exit with code 13 and no message.
 * Resolves undefined then; rejects on Ctrl-C.
 */
async function readLine(options: ReadOptions): Promise<string | undefined> {
  const { read } = await import('read');
  let onIdle = () => {};
  const eof = new Promise<undefined>((resolve) => {
    onIdle = () => resolve(undefined);
    process.once('beforeExit', onIdle);
  });
  try {
    return await Promise.race([read(options).then(String), eof]);
  } finally {
    process.off('beforeExit', onIdle);
  }
}

/** A prompt that echoes nothing (not even stars: no length leak). */
export async function hiddenPrompt(label: string): Promise<string> {
  let answer: string | undefined;
  let interrupted = false;
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
  }
  // The Enter (or Ctrl-C / Ctrl-D) that ended the input was muted with it: end the
  // prompt's line, or the next prompt overwrites it and the next message is glued to it.
  process.stderr.write('\n');
  if (answer === undefined) throw new PromptCancelled(interrupted);
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
