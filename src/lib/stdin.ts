// Reading a secret value from a pipe: bytes are taken as they are, except one trailing
// newline; invalid UTF-8 is refused rather than silently replaced.
import { UsageError } from './errors.js';

const LIMIT = 1024 * 1024;

export async function readValueFromStream(
  stream: NodeJS.ReadableStream,
  limit = LIMIT,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    size += b.length;
    // One byte of slack for the newline we strip.
    if (size > limit + 2) {
      throw new UsageError(
        limit === LIMIT
          ? 'the value on stdin is larger than 1 MiB'
          : `stdin holds more than ${limit} bytes`,
        'give less input',
      );
    }
    chunks.push(b);
  }
  let bytes = Buffer.concat(chunks);
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0a) bytes = bytes.subarray(0, -1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(
      'the value on stdin is not valid UTF-8 text',
      'lsec stores text values only',
    );
  } finally {
    for (const c of chunks) c.fill(0);
  }
  return text;
}
