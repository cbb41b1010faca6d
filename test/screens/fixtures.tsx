// A screen rendered on its own: a recording nav and a session around a real vault
// (created at the lowest allowed iteration count, so each derivation is quick).
import { vi } from 'vitest';
import { vaultFile } from '../../src/lib/paths.js';
import type { Change, Nav, Session } from '../../src/screens/types.js';
import { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, TEST_ITERATIONS, tempHome } from '../helpers/cli.js';

export const ITERATIONS = Number(TEST_ITERATIONS);

export type FakeNav = { [K in keyof Nav]: ReturnType<typeof vi.fn<Nav[K]>> };

export function fakeNav(): FakeNav {
  return {
    push: vi.fn<Nav['push']>(),
    pop: vi.fn<Nav['pop']>(),
    unlocked: vi.fn<Nav['unlocked']>(),
    changed: vi.fn<Nav['changed']>(),
    exit: vi.fn<Nav['exit']>(),
    selectProfile: vi.fn<Nav['selectProfile']>(),
  };
}

export function sessionFor(
  home: string,
  vault: Vault | null,
  change: Change = { revision: 0 },
): Session {
  return {
    home,
    vaultPath: vaultFile(home),
    vault,
    iterations: ITERATIONS,
    change,
    projectDir: home,
    profileName: 'default',
    env: {},
    drafts: {},
  };
}

/** A new vault holding `secrets`, still unlocked. */
export async function vaultWith(
  secrets: Record<string, string> = {},
): Promise<{ home: string; vault: Vault }> {
  const home = tempHome();
  const vault = await Vault.create(home, PASSPHRASE, { iterations: ITERATIONS });
  const entries = Object.entries(secrets);
  if (entries.length > 0) await vault.write(entries, 'add');
  return { home, vault };
}

/** Lines of a frame (the harness's frames carry no trailing newline). */
export const linesOf = (frame: string): string[] => frame.split('\n');
