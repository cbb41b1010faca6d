// Cloud states computed a little at a time. Whether a pushed secret is still "in
// sync" needs its value decrypted and fingerprinted (~0.1 ms each), which for a
// 10,000-secret vault would freeze a TUI for a second. Everything else is known at
// once from names alone; the rest is resolved in small time slices, names the user
// is looking at first.

import type { Vault } from '../store/vault.js';
import type { RemoteSecret } from './secrets.js';
import { type SyncState, vaultSecretState } from './sync-state.js';

export class SyncScan {
  readonly remote: readonly RemoteSecret[];
  /** Cloud names that are not in the vault (made in the web UI), sorted like vault.list(). */
  readonly cloudOnly: readonly RemoteSecret[];
  readonly #vault: Vault;
  readonly #states = new Map<string, SyncState | 'pending'>();
  /** Names still to compare, in list order; `#next` is the first not yet taken. */
  readonly #queue: string[] = [];
  #next = 0;
  /** Names to compare before the queue (the visible rows). */
  #urgent: string[] = [];
  #pending = 0;

  constructor(vault: Vault, remote: readonly RemoteSecret[]) {
    this.#vault = vault;
    this.remote = remote;
    const inCloud = new Set(remote.map((s) => s.name));
    for (const { name } of vault.list()) {
      // Only a secret this vault pushed and the cloud still has needs its value.
      const needsCompare = inCloud.has(name) && vault.pushedFingerprint(name) !== undefined;
      if (needsCompare) {
        this.#states.set(name, 'pending');
        this.#queue.push(name);
        this.#pending++;
      } else {
        this.#states.set(name, inCloud.has(name) ? 'untracked' : 'not-pushed');
      }
    }
    const seen = new Set<string>();
    const only: RemoteSecret[] = [];
    for (const secret of remote) {
      if (this.#states.has(secret.name) || seen.has(secret.name)) continue;
      seen.add(secret.name);
      only.push(secret);
    }
    only.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.cloudOnly = only;
    for (const { name } of only) this.#states.set(name, 'cloud-only');
  }

  /**
   * The state of a name in the vault or the cloud, 'pending' while its fingerprint
   * has not been compared yet; undefined for any other name.
   */
  stateOf(name: string): SyncState | 'pending' | undefined {
    return this.#states.get(name);
  }

  /** How many fingerprints are still to compare. */
  get pending(): number {
    return this.#pending;
  }

  /** Compare these names next (replaces the previous wish: only the latest view counts). */
  prioritize(names: readonly string[]): void {
    this.#urgent = names.filter((n) => this.#states.get(n) === 'pending');
  }

  /**
   * Compares fingerprints for about `budgetMs`, urgent names first. Returns the
   * names resolved. Stops early, leaving the rest pending, once the vault is locked.
   */
  step(budgetMs = 8): string[] {
    const done: string[] = [];
    const start = performance.now();
    while (this.#pending > 0 && !this.#vault.locked) {
      const name = this.#take();
      if (name === undefined) break;
      this.#states.set(name, this.#compare(name));
      this.#pending--;
      done.push(name);
      if (performance.now() - start >= budgetMs) break;
    }
    return done;
  }

  #take(): string | undefined {
    for (;;) {
      const name = this.#urgent.shift() ?? this.#queue[this.#next++];
      if (name === undefined) return undefined;
      if (this.#states.get(name) === 'pending') return name;
    }
  }

  #compare(name: string): SyncState {
    try {
      return vaultSecretState(this.#vault, name, true);
    } catch {
      // The value could not be read (the vault changed under the scan, or the entry is
      // damaged): what the cloud holds relative to it is unknown, as for 'untracked'.
      return 'untracked';
    }
  }
}
