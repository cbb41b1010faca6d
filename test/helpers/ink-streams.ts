// Stand-ins for the terminal streams Ink needs, shaped like ink-testing-library's
// but with rows, isTTY switches and a record of every write.
import { EventEmitter } from 'node:events';

// Ink only hides/shows the cursor with these when stdout is a TTY; they are not frames.
const CURSOR_ONLY = /^(?:\u001B\[\?25[hl])*$/;

export class FakeStdout extends EventEmitter {
  columns: number;
  rows: number | undefined;
  isTTY: boolean;
  /** Every write, in order. */
  readonly writes: string[] = [];
  /** Writes that are frames (not empty, not cursor show/hide). */
  readonly frames: string[] = [];

  constructor(columns: number, rows: number | undefined, isTTY: boolean) {
    super();
    this.columns = columns;
    this.rows = rows;
    this.isTTY = isTTY;
  }

  write = (data: string): boolean => {
    this.writes.push(data);
    if (!CURSOR_ONLY.test(data)) this.frames.push(data);
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY: boolean;
  private pending: string[] = [];

  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }

  // Ink reads with the 'readable' + read() protocol, one chunk per read().
  write(data: string): void {
    this.pending.push(data);
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
