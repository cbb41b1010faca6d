// Bundles src/cli.ts into dist/ as minified production ESM. Code splitting keeps
// React and Ink in their own chunks, loaded only when the TUI opens.

import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { lsec: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'react-devtools-core': './build-stubs/react-devtools-core.js' },
  define: {
    'process.env.NODE_ENV': '"production"',
    LSEC_VERSION: JSON.stringify(pkg.version),
  },
  // signal-exit v3 (via Ink) is CommonJS and calls require().
  banner: {
    js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
