// Reading a secret value, from a pipe or a file: the one place for its rules (DESIGN §2):
// bytes are taken as they are, except one trailing newline; invalid UTF-8 is refused
// rather than silently replaced; a value is at most 1 MiB.
import { UsageError } from './errors.js';
import { readRegularFile } from './fs.js';

const LIMIT = 1024 * 1024;

/** Drops one trailing newline and decodes strict UTF-8; wipes `bytes` either way. */
export function decodeValue(bytes: Buffer, source: string): string {
  const end =
    bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.length - 1 : bytes.length;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(0, end),
    );
  } catch {
    throw new UsageError(`${source} is not valid UTF-8 text`, 'lsec stores text values only');
  } finally {
    bytes.fill(0);
  }
}

export async function readValueFromStream(
  stream: NodeJS.ReadableStream,
  limit = LIMIT,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
      size += b.length;
      chunks.push(b);
      // The limit plus the one trailing newline that is dropped.
      if (size > limit + 1) {
        throw new UsageError(
          limit === LIMIT
            ? 'the value on stdin is larger than 1 MiB'
            : `stdin holds more than ${limit} bytes`,
          'give less input',
        );
      }
    }
    return decodeValue(Buffer.concat(chunks), limit === LIMIT ? 'the value on stdin' : 'stdin');
  } finally {
    for (const c of chunks) c.fill(0);
  }
}

/** A value from a file (the TUI's "value from file"): a regular file, same rules. */
export function readValueFromFile(path: string): string {
  return decodeValue(readRegularFile(path, 'the value file', LIMIT + 1), path);
}
