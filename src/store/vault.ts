// The unlocked vault: secrets listed from the checked file, values decrypted one at a
// time on demand, and every change written under the lock with a new MAC.
import { DamagedError, LockedError, UsageError } from '../lib/errors.js';
import { vaultFile } from '../lib/paths.js';
import { hmac, open, random, seal, subkey } from './crypto.js';
import { toBase64 } from './encoding.js';
import { secretNameProblem } from './names.js';
import { readVault, updateVault } from './vault-file.js';
import {
  DEFAULT_ITERATIONS,
  FORMAT,
  KDF_ALG,
  listMeta,
  type SecretEntry,
  type SecretMeta,
  type VaultDoc,
  VERSION,
} from './vault-format.js';
import { checkIterations, type Keys, keysFor, unlockKeys, wrapDataKey } from './vault-keys.js';
import { docBytes, manifestMac, secretAad, verifyMac } from './vault-mac.js';
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
    const dataKey = random(32);
    const vaultIdBytes = random(16);
    const doc = await updateVault(home, async (current) => {
      if (current) {
        throw new UsageError(`a vault already exists at ${vaultFile(home)}`, 'nothing was changed');
      }
      const header = {
        format: FORMAT,
        v: VERSION,
        vaultId: toBase64(vaultIdBytes),
        generation: 1,
        kdf: { alg: KDF_ALG, iterations, salt: toBase64(random(16)), passphrase: 'nfc-utf8' },
        secrets: {},
      } as const;
      const keySlot = await wrapDataKey(header, passphrase, dataKey);
      const draft = { ...header, kdf: { ...header.kdf }, keySlot, secrets: {}, mac: '' };
      draft.mac = toBase64(manifestMac(subkey(dataKey, vaultIdBytes, 'mac'), draft));
      return draft as VaultDoc;
    });
    recordSeen(home, doc);
    return new Vault(home, doc, keysFor(dataKey, vaultIdBytes));
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

  /** Decrypts one value. Throws DamagedError when its tag fails. */
  reveal(name: string): string {
    const keys = this.unlocked();
    const entry = this.entry(name);
    const plain = open(
      keys.enc,
      { iv: docBytes(entry.iv), ct: docBytes(entry.ct), tag: docBytes(entry.tag) },
      secretAad(docBytes(this.doc.vaultId), name),
    );
    if (!plain) throw new DamagedError(`the value of "${name}" failed its integrity check`);
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
    return toBase64(hmac(this.unlocked().fingerprint, Buffer.from(`${name}\0${value}`, 'utf8')));
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
      const vaultId = docBytes(doc.vaultId);
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
        const s = seal(keys.enc, Buffer.from(value, 'utf8'), secretAad(vaultId, name));
        const entry: SecretEntry = {
          iv: toBase64(s.iv),
          ct: toBase64(s.ct),
          tag: toBase64(s.tag),
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
        };
        if (before?.pushed) entry.pushed = before.pushed;
        secrets[name] = entry;
      }
      return { ...doc, secrets };
    });
  }

  async remove(names: string[]): Promise<void> {
    await this.mutate((doc) => {
      const missing = names.filter((n) => !Object.hasOwn(doc.secrets, n));
      if (missing.length > 0) throw new UsageError(`no secret named ${missing.join(', ')}`);
      const secrets = { ...doc.secrets };
      for (const n of names) delete secrets[n];
      return { ...doc, secrets };
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

  /** Re-wraps the same data key under a new salt and passphrase. */
  async changePassphrase(newPassphrase: string): Promise<void> {
    checkNewPassphrase(newPassphrase);
    await this.mutate(
      async (doc, keys) => {
        const kdf = {
          ...doc.kdf,
          salt: toBase64(random(16)),
          iterations: Math.max(doc.kdf.iterations, DEFAULT_ITERATIONS),
        };
        const keySlot = await wrapDataKey({ ...doc, kdf }, newPassphrase, keys.data);
        return { ...doc, kdf, keySlot };
      },
      { backupNew: true },
    );
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
    if (current.vaultId !== this.doc.vaultId) {
      throw new DamagedError('the vault file was replaced by another vault while open');
    }
    if (current.generation < this.doc.generation) {
      throw new DamagedError('the vault file was replaced by an older copy while open');
    }
    verifyMac(keys.mac, current);
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

  /** Read (under the lock) → check it is still our vault and intact → change → new MAC. */
  private async mutate(
    change: (doc: VaultDoc, keys: Keys) => VaultDoc | Promise<VaultDoc>,
    options: { backupNew?: boolean } = {},
  ): Promise<void> {
    const keys = this.unlocked();
    this.doc = await updateVault(
      this.home,
      async (current) => {
        if (!current)
          throw new UsageError(`the vault at ${this.path} is gone`, 'nothing was written');
        if (current.vaultId !== this.doc.vaultId) {
          throw new DamagedError('the vault file was replaced by another vault while open');
        }
        if (current.generation < this.doc.generation) {
          throw new DamagedError('the vault file was replaced by an older copy while open');
        }
        verifyMac(keys.mac, current);
        const next = await change(current, keys);
        const draft = { ...next, generation: current.generation + 1, mac: '' };
        draft.mac = toBase64(manifestMac(keys.mac, draft));
        return draft;
      },
      options,
    );
    recordSeen(this.home, this.doc);
  }
}
