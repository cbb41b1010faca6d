// In-process render timings of the real App on a big vault: unlock, then time how
// long a cursor move and a filter keystroke take to reach the screen, and the heap.
// Rendering is unthrottled (debug mode), so the figure is React + Ink's own work.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { App } from '../src/app.js';
import { FakeStdin, FakeStdout } from '../test/helpers/ink-streams.js';

const samples = Number(process.env.BENCH_SAMPLES ?? '60');
const count = process.env.BENCH_COUNT ?? '10,000';
const stdout = new FakeStdout(100, 40, true);
const stdin = new FakeStdin(true);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function nextFrame(): Promise<void> {
  const before = stdout.frames.length;
  return new Promise((resolve) => {
    const check = () => (stdout.frames.length > before ? resolve() : setImmediate(check));
    check();
  });
}

async function until(text: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(stdout.frames.at(-1) ?? '').includes(text)) {
    if (Date.now() - start > timeoutMs) throw new Error(`"${text}" never appeared`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function timeKey(key: string): Promise<number> {
  const frame = nextFrame();
  const start = process.hrtime.bigint();
  stdin.write(key);
  await frame;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// A profile mapping the first 50 secrets, so the list draws its MAPPED column.
const projectDir = mkdtempSync(join(tmpdir(), 'lsec-bench-project-'));
const secrets = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [`ENV_${i}`, `SECRET_${String(i).padStart(5, '0')}`]),
);
writeFileSync(
  join(projectDir, '.lsec.json'),
  JSON.stringify({ version: 1, profiles: { default: { env: {}, secrets } } }),
);

const app = render(
  <App
    projectDir={projectDir}
    home={process.env.LSEC_HOME!}
    autolockMs={0}
    iterations={600_000}
    passphrase={process.env.BENCH_PASSPHRASE}
  />,
  {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  },
);
await until('SECRET_00000');
await until('MAPPED');
await new Promise((r) => setTimeout(r, 100));

interface ListTimes {
  moves: number[];
  typed: number[];
  erased: number[];
}

/** Cursor moves, then filter keystrokes, on the list the screen shows now. */
async function measureList(): Promise<ListTimes> {
  const moves: number[] = [];
  for (let i = 0; i < samples; i++)
    moves.push(await timeKey(i % 2 === 0 ? '\u001B[B' : '\u001B[A'));
  await timeKey('/');
  await new Promise((r) => setTimeout(r, 50));
  // One round unmeasured: the first keystrokes run fuzzysort before V8 has compiled
  // it (about 40 ms each at 10,000 names); the budget is for the keystrokes after.
  for (const ch of 'TERCES') await timeKey(ch);
  for (const _ of 'TERCES') await timeKey('\u007F');
  const typed: number[] = [];
  const erased: number[] = [];
  // Typing a query narrows step by step; Backspace widens again to an empty filter.
  // The two are reported apart: Backspace reuses earlier results, and one median over
  // both would land on whichever half it happened to split. Each round types a query
  // starting with another letter, so no keystroke finds its results already known.
  // Their first letters match all the names: the most work.
  const queries = ['SECRET_0000', 'ECRET_0000', 'CRET_0000'];
  for (let round = 0; typed.length < samples; round++) {
    const query = queries[round % queries.length]!;
    for (const ch of query) typed.push(await timeKey(ch));
    for (const _ of query) erased.push(await timeKey('\u007F'));
  }
  await timeKey('\u001B');
  return { moves, typed, erased };
}

const figures = (screen: string, t: ListTimes) => [
  {
    name: `TUI ${screen}cursor move, ${count} secrets (median)`,
    budget: 16,
    value: median(t.moves),
    unit: 'ms',
  },
  {
    name: `TUI ${screen}filter keystroke, ${count} secrets (median)`,
    budget: 16,
    value: median(t.typed),
    unit: 'ms',
  },
  {
    name: `TUI ${screen}filter Backspace, ${count} secrets (median)`,
    budget: 16,
    value: median(t.erased),
    unit: 'ms',
  },
];

const home = await measureList();
// The mappings screen lists every secret too, with its own filter.
stdin.write('m');
await until('MAP SECRET');
await new Promise((r) => setTimeout(r, 100));
const mappings = await measureList();
(globalThis as { gc?: () => void }).gc?.();
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
app.unmount();
console.log(
  JSON.stringify([
    ...figures('', home),
    ...figures('mappings: ', mappings),
    { name: `TUI heap with ${count} secrets`, budget: 80, value: heapMb, unit: 'MB' },
  ]),
);
process.exit(0);
