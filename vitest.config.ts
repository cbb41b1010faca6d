import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // chalk picks its colour level at import, and CI changes Ink's unmount output.
    env: { FORCE_COLOR: '0', CI: 'false' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: keep forked workers few so PBKDF2-heavy tests do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
    // The JSON copy lets .ci/run print one plain 'N passed, N failed' line at the end.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
