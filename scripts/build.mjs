// Bundles src/cli.ts into dist/ as minified production ESM. Code splitting keeps
// React and Ink in their own chunks, loaded only when the TUI opens.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });
await build({
  ...bundleOptions,
  entryPoints: { lsec: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
