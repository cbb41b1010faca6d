// Telling the installed Lightning apart without running Python (issue 10 §3, issue 14):
// the launcher's #! names the interpreter, the dist-info beside it names the package.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCli, detectCli } from '../../src/launch/release.js';
import { tempDir } from '../helpers/cli.js';

/** A venv-like folder: bin/python3 (never run), bin/SCRIPT, and the given dist-infos. */
function venv(script: string, infos: Record<string, string | null>, shebang?: string): string {
  const root = tempDir('lsec-venv-');
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin', 'python3'), '');
  const site = join(root, 'lib', 'python3.12', 'site-packages');
  for (const [info, record] of Object.entries(infos)) {
    mkdirSync(join(site, info), { recursive: true });
    if (record !== null) writeFileSync(join(site, info, 'RECORD'), record);
  }
  const launcher = join(root, 'bin', script);
  writeFileSync(launcher, `${shebang ?? `#!${join(root, 'bin', 'python3')}`}\nimport sys\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}

describe('detectCli', () => {
  it('tells each app release its option table', () => {
    expect(detectCli(venv('lightning', { 'lightning-1.8.6.dist-info': null }))).toMatchObject({
      kind: 'app',
      release: '1.8',
    });
    expect(detectCli(venv('lightning', { 'lightning-1.9.5.dist-info': null }))).toMatchObject({
      kind: 'app',
      release: '1.9',
    });
    expect(detectCli(venv('lightning_app', { 'lightning-2.2.5.dist-info': null }))).toMatchObject({
      kind: 'app',
      release: '2.x',
    });
    expect(
      detectCli(venv('lightning_app', { 'lightning_app-2.3.0.dist-info': null })),
    ).toMatchObject({ kind: 'app', release: '2.x', package: 'lightning_app' });
  });

  it('`lightning` of 2.2.1+ and everything of 2.4+ has no run app', () => {
    const legacy = detectCli(venv('lightning', { 'lightning-2.2.1.dist-info': null }));
    expect(legacy).toMatchObject({ kind: 'no-app' });
    expect(describeCli(legacy)).toContain('renamed in 2.2.1');
    const gone = detectCli(venv('lightning', { 'lightning-2.4.0.dist-info': null }));
    expect(describeCli(gone)).toContain('removed in Lightning 2.4');
  });

  it('lightning-sdk, and RECORD deciding which package installed the script', () => {
    expect(detectCli(venv('lightning', { 'lightning_sdk-2026.8.18.dist-info': null }))).toEqual({
      kind: 'sdk',
      version: '2026.8.18',
    });
    const both = {
      'lightning-2.2.0.dist-info': 'lightning/__init__.py,,\n',
      'lightning_sdk-2026.8.18.dist-info': '../../../bin/lightning,sha256=x,10\n',
    };
    expect(detectCli(venv('lightning', both))).toMatchObject({ kind: 'sdk' });
    const unclear = detectCli(
      venv('lightning', { 'lightning-2.2.0.dist-info': null, 'lightning_sdk-1.0.dist-info': null }),
    );
    expect(unclear.kind).toBe('unknown');
    expect(describeCli(unclear)).toContain('checked against the options every release accepts');
  });

  it('finds `#!/usr/bin/env python3` on PATH without resolving the venv symlink', () => {
    const launcher = venv(
      'lightning',
      { 'lightning-1.9.5.dist-info': null },
      '#!/usr/bin/env python3',
    );
    const bin = join(launcher, '..');
    chmodSync(join(bin, 'python3'), 0o755);
    expect(detectCli(launcher, { PATH: bin })).toMatchObject({ kind: 'app', release: '1.9' });
  });

  it("reads pip's /bin/sh wrapper for long interpreter paths", () => {
    const launcher = venv('lightning', { 'lightning-1.9.5.dist-info': null });
    const python = join(launcher, '..', 'python3');
    writeFileSync(launcher, `#!/bin/sh\n'''exec' "${python}" "$0" "$@"\n' '''\n`);
    expect(detectCli(launcher)).toMatchObject({ kind: 'app', release: '1.9' });
  });

  it('not a Python script, or no metadata: unknown, and says why', () => {
    const dir = tempDir('lsec-bin-');
    const node = join(dir, 'lightning');
    writeFileSync(node, '#!/usr/bin/env node\n');
    expect(detectCli(node, { PATH: '' })).toMatchObject({ kind: 'unknown' });
    expect(detectCli(venv('lightning', {})).kind).toBe('unknown');
  });
});
