// TUI benches: the baseline Ink app for the first-frame figure, and in-process render
// timings of the real App on a 10,000-secret vault.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/esbuild-options.mjs';

export async function buildMinimalInk(dir) {
  const outfile = join(dir, 'min-ink.mjs');
  await build({ ...bundleOptions, entryPoints: ['bench/min-ink.jsx'], outfile, jsx: 'automatic' });
  return outfile;
}

/** Bundles bench/render-entry.tsx (the real App) and runs it in a fresh process. */
export async function measureRender(dir, home, passphrase, quick) {
  const outfile = join(dir, 'render-entry.mjs');
  await build({
    ...bundleOptions,
    entryPoints: ['bench/render-entry.tsx'],
    outfile,
    jsx: 'automatic',
  });
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], {
    env: {
      ...process.env,
      LSEC_HOME: home,
      BENCH_PASSPHRASE: passphrase,
      BENCH_SAMPLES: quick ? '10' : '60',
      BENCH_COUNT: quick ? '1,000' : '10,000',
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`render bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Bundles bench/unlock-entry.ts and runs it: in-process unlock ratios. */
export async function measureUnlock(dir, small, big, passphrase, quick) {
  const outfile = join(dir, 'unlock-entry.mjs');
  await build({ ...bundleOptions, entryPoints: ['bench/unlock-entry.ts'], outfile });
  const r = spawnSync(process.execPath, [outfile], {
    env: {
      ...process.env,
      BENCH_SMALL: small,
      BENCH_BIG: big,
      BENCH_PASSPHRASE: passphrase,
      BENCH_RUNS: quick ? '3' : '15',
      BENCH_COUNT: quick ? '1,000' : '10,000',
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`unlock bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
