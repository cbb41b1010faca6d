// The flags every lsec bundle needs (reference/ink.md §6.2), shared by the build and
// the bench's baseline app so both are measured under the same conditions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  absWorkingDir: root,
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
};
