// Prompts on the terminal. The text goes to stderr so stdout stays clean for output.
// `read` is loaded on first use: scripted runs never prompt and should not pay for it.
import { RuntimeError } from './errors.js';

export class PromptCancelled extends RuntimeError {
  constructor() {
    super('cancelled');
  }
}

/** A prompt that echoes nothing (not even stars: no length leak). */
export async function hiddenPrompt(label: string): Promise<string> {
  const { read } = await import('read');
  let answer: string;
  try {
    answer = String(
      await read({
        prompt: label,
        silent: true,
        replace: '',
        input: process.stdin,
        output: process.stderr,
      }),
    );
  } catch {
    throw new PromptCancelled();
  }
  // The Enter that ended the input was muted with it: end the prompt's line, or the
  // next prompt overwrites it and the next message is glued to it.
  process.stderr.write('\n');
  return answer;
}

export async function confirm(question: string): Promise<boolean> {
  const { read } = await import('read');
  try {
    const answer = String(
      await read({ prompt: `${question} [y/N] `, input: process.stdin, output: process.stderr }),
    );
    return /^y(es)?$/i.test(answer.trim());
  } catch {
    return false;
  }
}
