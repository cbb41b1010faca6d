// The vault file's shape (DESIGN §4) and its strict structural check. Nothing here
// needs a key: `lsec list` uses it to show names without a passphrase. Crypto checks
// (key slot tag, MAC) happen on unlock.
import { formatNumber } from '../lib/count.js';
import { DamagedError, UsageError } from '../lib/errors.js';
import { IV_BYTES, isCanonicalBase64, KEY_BYTES, TAG_BYTES } from './encoding.js';
import { isSecretName } from './names.js';

export const FORMAT = 'lsec-vault';
/** The version this lsec writes. Version 1 files are read as they are and rewritten as
 * version 2 on their next write (the v1 file is kept as vault.json.bak). */
export const VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];
export const KDF_ALG = 'pbkdf2-sha256';
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
export const DEFAULT_ITERATIONS = 1_000_000;

/**
 * PBKDF2 iterations for a new vault: LSEC_ITERATIONS, else the default. Checked here,
 * before any passphrase is asked, so a typo is not found only after typing it twice.
 */
export function iterationsFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_ITERATIONS;
  const n = Number(value);
  if (!iterationsAllowed(n)) {
    throw new UsageError(
      `LSEC_ITERATIONS must be a whole number from ${ITERATION_RANGE}, not "${value}"`,
      `unset it to use the default (${formatNumber(DEFAULT_ITERATIONS)})`,
    );
  }
  return n;
}

/**
 * The one check of the PBKDF2 work factor, made before any derivation: too few
 * iterations is a downgrade, too many a hang (an edited file), a non-integer a trick.
 */
export function iterationsAllowed(n: unknown): n is number {
  return (
    typeof n === 'number' && Number.isSafeInteger(n) && n >= MIN_ITERATIONS && n <= MAX_ITERATIONS
  );
}

export const ITERATION_RANGE = `${formatNumber(MIN_ITERATIONS)} to ${formatNumber(MAX_ITERATIONS)}`;
export const MAX_VALUE_BYTES = 1024 * 1024;
export const MAX_SECRETS = 100_000;

export interface SealedFields {
  iv: string;
  ct: string;
  tag: string;
}

/** An earlier value of a secret (v2): set at `setAt`, replaced at `replacedAt`. */
export interface HistoryEntry extends SealedFields {
  setAt: string;
  replacedAt: string;
}

export interface SecretEntry extends SealedFields {
  createdAt: string;
  updatedAt: string;
  /** Keyed fingerprint of the value last pushed to the cloud (never the value). */
  pushed?: string;
  /** Earlier values, newest first, at most MAX_HISTORY (v2). */
  history?: HistoryEntry[];
}

/** A deleted secret kept TRASH_DAYS days (v2), sealed under the trash AAD. */
export interface TrashEntry extends SealedFields {
  name: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string;
  history?: HistoryEntry[];
}

export const MAX_HISTORY = 5;
export const TRASH_DAYS = 30;

export interface VaultDoc {
  format: typeof FORMAT;
  v: 1 | 2;
  vaultId: string;
  generation: number;
  kdf: { alg: typeof KDF_ALG; iterations: number; salt: string; passphrase: 'nfc-utf8' };
  keySlot: SealedFields;
  secrets: Record<string, SecretEntry>;
  /** Deleted secrets, oldest first (v2; absent in v1 files). */
  trash?: TrashEntry[];
  mac: string;
}

export interface SecretMeta {
  name: string;
  createdAt: string;
  updatedAt: string;
}

const damaged = (what: string) =>
  new DamagedError(
    `the vault file is damaged or was changed outside lsec: ${what}`,
    'restore vault.json.bak or a backup; nothing was written',
  );

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkBytes(value: unknown, length: number | undefined, where: string): void {
  if (!isCanonicalBase64(value)) throw damaged(`${where} is not valid base64`);
  if (length !== undefined && !isCanonicalBase64(value, length)) {
    throw damaged(`${where} has the wrong size`);
  }
}

function checkSealed(v: unknown, where: string, ctLength?: number): void {
  if (!isPlainObject(v)) throw damaged(`${where} is missing`);
  checkBytes(v.iv, IV_BYTES, `${where}.iv`);
  checkBytes(v.ct, ctLength, `${where}.ct`);
  checkBytes(v.tag, TAG_BYTES, `${where}.tag`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Parses the file's text and checks every field's type and size; throws DamagedError. */
export function parseVault(text: string): VaultDoc {
  const doc = parseVaultHeader(text);
  checkEntries(doc);
  return doc;
}

/**
 * Parses the text and checks everything but the secret entries: enough to start the
 * key derivation (whose limits it enforces), while checkEntries runs alongside it.
 */
export function parseVaultHeader(text: string): VaultDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw damaged('it is not valid JSON');
  }
  if (!isPlainObject(doc)) throw damaged('it is not a JSON object');
  if (doc.format !== FORMAT) throw damaged('unknown format (expected "lsec-vault")');
  if (!READABLE_VERSIONS.includes(doc.v as number)) {
    throw new DamagedError(
      `the vault has version ${JSON.stringify(doc.v)}, which this lsec does not know`,
      'use the lsec version that wrote it; nothing was written',
    );
  }
  checkBytes(doc.vaultId, 16, 'vaultId');
  if (!Number.isSafeInteger(doc.generation) || (doc.generation as number) < 0) {
    throw damaged('generation is not a whole number');
  }
  checkKdf(doc.kdf);
  checkSealed(doc.keySlot, 'keySlot', KEY_BYTES);
  if (!isPlainObject(doc.secrets)) throw damaged('secrets is missing');
  if (doc.v === 1 ? doc.trash !== undefined : !Array.isArray(doc.trash)) {
    throw damaged('trash is missing or misplaced');
  }
  checkBytes(doc.mac, 32, 'mac');
  return doc as unknown as VaultDoc;
}

/** Checks every secret entry of a doc from parseVaultHeader; throws DamagedError. */
export function checkEntries(doc: VaultDoc): void {
  const names = Object.keys(doc.secrets);
  if (names.length > MAX_SECRETS) throw damaged('too many secrets');
  for (const name of names) {
    if (!isSecretName(name)) throw damaged('a secret has an invalid name');
    // Entries come straight from JSON.parse: nothing about them is known yet.
    const entry: unknown = doc.secrets[name];
    checkSealed(entry, `secret "${name}"`);
    const e = entry as Record<string, unknown>;
    if (typeof e.createdAt !== 'string' || !ISO_DATE.test(e.createdAt)) {
      throw damaged(`secret "${name}" has a bad date`);
    }
    if (typeof e.updatedAt !== 'string' || !ISO_DATE.test(e.updatedAt)) {
      throw damaged(`secret "${name}" has a bad date`);
    }
    if (e.pushed !== undefined) checkBytes(e.pushed, 32, `secret "${name}".pushed`);
    checkHistory(doc.v, e.history, `secret "${name}"`);
  }
  if (doc.trash === undefined) return;
  if (doc.trash.length > MAX_SECRETS) throw damaged('too many secrets in the trash');
  for (const t of doc.trash as unknown[]) {
    if (!isPlainObject(t) || typeof t.name !== 'string' || !isSecretName(t.name)) {
      throw damaged('a trashed secret has an invalid name');
    }
    const where = `trashed secret "${t.name}"`;
    checkSealed(t, where);
    for (const key of ['createdAt', 'updatedAt', 'deletedAt']) checkDate(t[key], where);
    checkHistory(doc.v, t.history, where);
  }
}

function checkDate(value: unknown, where: string): void {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw damaged(`${where} has a bad date`);
}

/** History is a v2 field: absent, or an array of at most MAX_HISTORY sealed values. */
function checkHistory(v: number, history: unknown, where: string): void {
  if (history === undefined) return;
  if (v === 1 || !Array.isArray(history) || history.length > MAX_HISTORY) {
    throw damaged(`${where} has a bad history`);
  }
  for (const h of history as unknown[]) {
    checkSealed(h, `${where} history`);
    const entry = h as Record<string, unknown>;
    checkDate(entry.setAt, `${where} history`);
    checkDate(entry.replacedAt, `${where} history`);
  }
}

/** The KDF header is checked before any derivation: an edited file cannot make us
 * derive with too few iterations (downgrade) or too many (a hang). */
function checkKdf(kdf: unknown): void {
  if (!isPlainObject(kdf)) throw damaged('kdf is missing');
  if (kdf.alg !== KDF_ALG) throw damaged('unknown key derivation');
  const it = kdf.iterations;
  if (!iterationsAllowed(it)) {
    throw damaged(
      `kdf.iterations ${JSON.stringify(it)} is not a whole number from ${ITERATION_RANGE}`,
    );
  }
  checkBytes(kdf.salt, 16, 'kdf.salt');
  if (kdf.passphrase !== 'nfc-utf8') throw damaged('unknown passphrase encoding');
}

export interface TrashMeta {
  name: string;
  deletedAt: string;
  /** When it leaves the trash for good. */
  purgeAt: string;
}

export interface HistoryMeta {
  /** 1 = the newest earlier value. */
  n: number;
  setAt: string;
  replacedAt: string;
}

export function listTrashMeta(doc: VaultDoc): TrashMeta[] {
  return (doc.trash ?? []).map((t) => ({
    name: t.name,
    deletedAt: t.deletedAt,
    purgeAt: new Date(Date.parse(t.deletedAt) + TRASH_DAYS * 24 * 3600 * 1000).toISOString(),
  }));
}

export function historyMeta(entry: SecretEntry): HistoryMeta[] {
  return (entry.history ?? []).map((h, i) => ({
    n: i + 1,
    setAt: h.setAt,
    replacedAt: h.replacedAt,
  }));
}

export function listMeta(doc: VaultDoc): SecretMeta[] {
  return Object.keys(doc.secrets)
    .sort()
    .map((name) => {
      const e = doc.secrets[name]!;
      return { name, createdAt: e.createdAt, updatedAt: e.updatedAt };
    });
}

// The head of a file as lsec writes it (JSON.stringify with tabs, keys in this order).
const HEAD =
  /^\{\s*"format":\s*"lsec-vault",\s*"v":\s*[12],\s*"vaultId":\s*"[A-Za-z0-9+/=]{24}",\s*"generation":\s*\d+,\s*"kdf":\s*\{\s*"alg":\s*"pbkdf2-sha256",\s*"iterations":\s*(\d{1,8}),\s*"salt":\s*"([A-Za-z0-9+/=]{24})",\s*"passphrase":\s*"nfc-utf8"\s*\}/;

/**
 * The KDF parameters read from the first bytes of the file, so the slow derivation can
 * start before a big file is parsed. Held to the same limits as checkKdf; undefined
 * when the head is not exactly as lsec writes it (the caller then parses first). The
 * caller must compare the result with the parsed header before trusting it.
 */
export function peekKdf(text: string): { iterations: number; salt: string } | undefined {
  const m = text.slice(0, 512).match(HEAD);
  if (!m) return undefined;
  const iterations = Number(m[1]);
  if (!iterationsAllowed(iterations)) return undefined;
  if (!isCanonicalBase64(m[2], 16)) return undefined;
  return { iterations, salt: m[2]! };
}
