// In-process benches: each entry is bundled like the product (same esbuild flags)
// and run in a fresh process that prints its figures as JSON on its last line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/esbuild-options.mjs';
import { median } from './lib.mjs';

async function bundle(dir, entry, name) {
  const outfile = join(dir, `${name}.mjs`);
  await build({ ...bundleOptions, entryPoints: [entry], outfile, jsx: 'automatic' });
  return outfile;
}

async function runEntry(dir, entry, name, env, nodeFlags = []) {
  const outfile = await bundle(dir, entry, name);
  const r = spawnSync(process.execPath, [...nodeFlags, outfile], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${name} bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** The baseline for the TUI's first frame: the smallest bundled Ink app (one box). */
export const buildMinimalInk = (dir) => bundle(dir, 'bench/min-ink.jsx', 'min-ink');

/**
 * Cursor-move and filter-keystroke render times and heap of the real App: the median
 * of each figure over three fresh processes (one in quick mode). Key times are
 * absolute, not ratios, so a stretch of seconds where the machine runs slower (a busy
 * neighbour on a shared host) would otherwise decide the result of a whole run.
 */
export async function measureRender(dir, home, passphrase, quick) {
  const runs = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    runs.push(
      await runEntry(
        dir,
        'bench/render-entry.tsx',
        'render-entry',
        {
          LSEC_HOME: home,
          BENCH_PASSPHRASE: passphrase,
          BENCH_SAMPLES: quick ? '10' : '60',
          BENCH_COUNT: quick ? '1,000' : '10,000',
        },
        ['--expose-gc'],
      ),
    );
  }
  return runs[0].map((figure, k) => ({ ...figure, value: median(runs.map((r) => r[k].value)) }));
}

/** In-process unlock against native PBKDF2, and a big vault against a small one. */
export function measureUnlock(dir, small, big, passphrase, quick) {
  return runEntry(dir, 'bench/unlock-entry.ts', 'unlock-entry', {
    BENCH_SMALL: small,
    BENCH_BIG: big,
    BENCH_PASSPHRASE: passphrase,
    BENCH_RUNS: quick ? '3' : '15',
    BENCH_COUNT: quick ? '1,000' : '10,000',
  });
}
