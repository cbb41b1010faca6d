// The unlocked vault: secrets listed from the checked file, values decrypted one at a
// time on demand, and every change written under the lock with a new MAC.
import { DamagedError, LockedError, UsageError } from '../lib/errors.js';
import { vaultFile } from '../lib/paths.js';
import { random } from './crypto.js';
import { toBase64 } from './encoding.js';
import { secretNameProblem } from './names.js';
import { checkContinuity } from './vault-continuity.js';
import { createVaultFile } from './vault-create.js';
import {
  expireTrash,
  openAs,
  rekeyEntries,
  renameSecret,
  replacedEntry,
  restoreFromTrash,
  restoreHistory,
  trashSecrets,
} from './vault-entries.js';
import { readVault, updateVault } from './vault-file.js';
import {
  DEFAULT_ITERATIONS,
  type HistoryMeta,
  historyMeta,
  listMeta,
  listTrashMeta,
  type SecretEntry,
  type SecretMeta,
  type TrashMeta,
  type VaultDoc,
  VERSION,
} from './vault-format.js';
import {
  checkIterations,
  fingerprintWith,
  type Keys,
  keysFor,
  unlockKeys,
  wrapDataKey,
} from './vault-keys.js';
import { docBytes, manifestMac } from './vault-mac.js';
import { checkNewPassphrase, checkValue } from './vault-rules.js';
import { recordSeen, rollbackWarning } from './vault-seen.js';

export class Vault {
  readonly home: string;
  private doc: VaultDoc;
  private keys: Keys | undefined;
  /** Set on unlock when the file is older than one seen here before (a rollback). */
  warning: string | undefined;

  private constructor(home: string, doc: VaultDoc, keys: Keys) {
    this.home = home;
    this.doc = doc;
    this.keys = keys;
  }

  /** Creates a new vault; refuses when one exists (never overwrites). */
  static async create(
    home: string,
    passphrase: string,
    options: { iterations?: number } = {},
  ): Promise<Vault> {
    checkNewPassphrase(passphrase);
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    checkIterations(iterations);
    const { doc, keys } = await createVaultFile(home, passphrase, iterations);
    recordSeen(home, doc);
    return new Vault(home, doc, keys);
  }

  static async unlock(home: string, passphrase: string): Promise<Vault> {
    const { doc, keys } = await unlockKeys(home, passphrase);
    const vault = new Vault(home, doc, keys);
    // Only a file whose MAC verified may move the remembered generation.
    vault.warning = rollbackWarning(home, doc);
    if (!vault.warning) recordSeen(home, doc);
    return vault;
  }

  get path(): string {
    return vaultFile(this.home);
  }

  get iterations(): number {
    return this.doc.kdf.iterations;
  }

  get locked(): boolean {
    return this.keys === undefined;
  }

  list(): SecretMeta[] {
    return listMeta(this.doc);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.doc.secrets, name);
  }

  /** Deleted secrets still in the trash, oldest deletion first (names and dates only). */
  trash(): TrashMeta[] {
    return listTrashMeta(this.doc);
  }

  /** Dates of the earlier values of `name`, newest first (values stay sealed). */
  history(name: string): HistoryMeta[] {
    return historyMeta(this.entry(name));
  }

  /** Decrypts one value. Throws DamagedError when its tag fails. */
  reveal(name: string): string {
    const plain = openAs(this.unlocked(), this.doc, 'secret', name, this.entry(name));
    try {
      // ignoreBOM keeps a leading U+FEFF: it is part of the value, not a marker.
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(plain);
    } catch {
      throw new DamagedError(`the value of "${name}" is not valid UTF-8`);
    } finally {
      plain.fill(0);
    }
  }

  /** Keyed fingerprint of a value, for "unchanged since last push" without storing it. */
  fingerprint(name: string, value: string): string {
    return fingerprintWith(this.unlocked(), name, Buffer.from(value, 'utf8'));
  }

  pushedFingerprint(name: string): string | undefined {
    return Object.hasOwn(this.doc.secrets, name) ? this.doc.secrets[name]!.pushed : undefined;
  }

  /**
   * Adds or replaces secrets in one locked write. `mode: 'add'` refuses names that
   * exist; 'replace' refuses names that do not; 'set' does either.
   */
  async write(
    entries: [name: string, value: string][],
    mode: 'add' | 'set' | 'replace',
  ): Promise<void> {
    for (const [name, value] of entries) {
      const problem = secretNameProblem(name);
      if (problem) throw new UsageError(`invalid secret name: ${problem}`);
      checkValue(value);
    }
    await this.mutate((doc, keys) => {
      const now = new Date().toISOString();
      const existing = entries.filter(([n]) => Object.hasOwn(doc.secrets, n)).map(([n]) => n);
      if (mode === 'add' && existing.length > 0) {
        throw new UsageError(
          `a secret named ${existing.join(', ')} already exists`,
          'use lsec set NAME to replace its value',
        );
      }
      const secrets: Record<string, SecretEntry> = { ...doc.secrets };
      for (const [name, value] of entries) {
        const before = secrets[name];
        if (mode === 'replace' && !before) throw new UsageError(`no secret named ${name}`);
        const plain = Buffer.from(value, 'utf8');
        secrets[name] = replacedEntry(keys, doc, name, before, plain, now);
        plain.fill(0);
      }
      return { ...doc, secrets };
    });
  }

  /**
   * Deletes secrets: into the trash (kept TRASH_DAYS days), or for good with
   * `purge`. A purge of a name that is only in the trash empties it from the trash.
   */
  async remove(names: string[], options: { purge?: boolean } = {}): Promise<void> {
    await this.mutate((doc, keys) => {
      const inTrash = (n: string) => (doc.trash ?? []).some((t) => t.name === n);
      const missing = names.filter(
        (n) => !Object.hasOwn(doc.secrets, n) && !(options.purge && inTrash(n)),
      );
      if (missing.length > 0) throw new UsageError(`no secret named ${missing.join(', ')}`);
      if (!options.purge) return trashSecrets(keys, doc, names, new Date().toISOString());
      const secrets = { ...doc.secrets };
      for (const n of names) delete secrets[n];
      const live = names.filter((n) => Object.hasOwn(doc.secrets, n));
      // `rm --purge NAME` of a live secret leaves older trashed copies alone; of a
      // name only in the trash, it removes those.
      const trash = (doc.trash ?? []).filter(
        (t) => live.includes(t.name) || !names.includes(t.name),
      );
      return { ...doc, secrets, trash };
    });
  }

  /** Brings back the most recently deleted secret of that name. */
  async restore(name: string): Promise<void> {
    await this.mutate((doc, keys) => restoreFromTrash(keys, doc, name));
  }

  /** OLD -> NEW, value and history sealed again under NEW; refuses an existing NEW. */
  async rename(from: string, to: string): Promise<void> {
    const problem = secretNameProblem(to);
    if (problem) throw new UsageError(`invalid secret name "${to}": ${problem}`);
    await this.mutate((doc, keys) => {
      if (!Object.hasOwn(doc.secrets, from)) throw new UsageError(`no secret named ${from}`);
      if (Object.hasOwn(doc.secrets, to)) {
        throw new UsageError(
          `a secret named ${to} already exists`,
          `pick another name, or delete it first: lsec rm ${to}`,
        );
      }
      return renameSecret(keys, doc, from, to);
    });
  }

  /** Earlier value `n` (1 = newest) becomes current; the current one goes to history. */
  async restoreEarlier(name: string, n: number): Promise<void> {
    await this.mutate((doc, keys) => {
      if (!Object.hasOwn(doc.secrets, name)) throw new UsageError(`no secret named ${name}`);
      return restoreHistory(keys, doc, name, n, new Date().toISOString());
    });
  }

  /** Records what was pushed; only after the cloud accepted it. */
  async markPushed(fingerprints: Map<string, string>): Promise<void> {
    await this.mutate((doc) => {
      const secrets = { ...doc.secrets };
      for (const [name, fp] of fingerprints) {
        // Own names only: secrets['constructor'] would be Object's, not a secret.
        if (Object.hasOwn(secrets, name)) secrets[name] = { ...secrets[name]!, pushed: fp };
      }
      return { ...doc, secrets };
    });
  }

  /**
   * Changes the passphrase and re-keys: a new random data key wrapped under a new
   * salt, every value (and earlier and trashed value) sealed again under it, a new
   * MAC, one atomic write. An old copy of the file, even with the old passphrase,
   * then opens nothing written after the change.
   */
  async changePassphrase(newPassphrase: string): Promise<void> {
    checkNewPassphrase(newPassphrase);
    const next = keysFor(random(32), docBytes(this.doc.vaultId));
    try {
      await this.mutate(
        async (doc, keys) => {
          const kdf = {
            ...doc.kdf,
            salt: toBase64(random(16)),
            iterations: Math.max(doc.kdf.iterations, DEFAULT_ITERATIONS),
          };
          const keySlot = await wrapDataKey({ ...doc, kdf }, newPassphrase, next.data);
          return { ...doc, kdf, keySlot, ...rekeyEntries(keys, next, doc, fingerprintWith) };
        },
        { rekey: next },
      );
    } catch (error) {
      for (const k of Object.values(next)) k.fill(0);
      throw error;
    }
  }

  /** The file's generation as last read or written here (+1 on every write). */
  get generation(): number {
    return this.doc.generation;
  }

  /**
   * Reads the file again, for what another lsec wrote since: the same checks as a
   * write (same vault, not older, MAC intact) before the list changes. Returns the
   * generation it had before, or undefined when the file is unchanged.
   */
  refresh(): number | undefined {
    const keys = this.unlocked();
    const current = readVault(this.home);
    if (current.generation === this.doc.generation && current.mac === this.doc.mac) return;
    checkContinuity(current, this.doc, keys.mac);
    const before = this.doc.generation;
    this.doc = current;
    recordSeen(this.home, current);
    return before;
  }

  /** Drops every key from memory; the handle is unusable afterwards. */
  lock(): void {
    if (!this.keys) return;
    for (const k of Object.values(this.keys)) k.fill(0);
    this.keys = undefined;
  }

  private unlocked(): Keys {
    if (!this.keys) throw new LockedError('the vault is locked');
    return this.keys;
  }

  private entry(name: string): SecretEntry {
    const entry = Object.hasOwn(this.doc.secrets, name) ? this.doc.secrets[name] : undefined;
    if (!entry) throw new UsageError(`no secret named ${name}`, 'see the names with: lsec list');
    return entry;
  }

  /**
   * Read (under the lock) → check it is still our vault and intact → change → new MAC.
   * Every write is in the current format (a v1 file becomes v2; the v1 file is kept
   * as vault.json.bak) and drops trash entries past their 30 days. With `rekey` the
   * MAC is made with the new keys, which then replace the old ones in this handle.
   */
  private async mutate(
    change: (doc: VaultDoc, keys: Keys) => VaultDoc | Promise<VaultDoc>,
    options: { rekey?: Keys } = {},
  ): Promise<void> {
    const keys = this.unlocked();
    this.doc = await updateVault(
      this.home,
      async (current) => {
        if (!current)
          throw new UsageError(`the vault at ${this.path} is gone`, 'nothing was written');
        checkContinuity(current, this.doc, keys.mac);
        const next = expireTrash(await change(current, keys), new Date());
        const draft: VaultDoc = {
          ...next,
          v: VERSION,
          generation: current.generation + 1,
          trash: next.trash ?? [],
          mac: '',
        };
        draft.mac = toBase64(manifestMac((options.rekey ?? keys).mac, draft));
        return draft;
      },
      // After a re-key the previous file must not stay beside the vault as .bak: its
      // key slot opens with the old passphrase.
      { backupNew: options.rekey !== undefined },
    );
    if (options.rekey) {
      for (const k of Object.values(keys)) k.fill(0);
      this.keys = options.rekey;
    }
    recordSeen(this.home, this.doc);
  }
}
