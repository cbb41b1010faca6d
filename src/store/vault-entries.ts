// Pure changes to a vault document that need the keys: history on replace, trash on
// delete, restore, rename and re-keying. Each returns a new document; the caller
// (Vault.mutate) writes it under the lock with a new MAC. Every value is sealed under
// an AAD that names its vault, its name and its kind (live, history, trash), so a
// ciphertext cannot be moved between names or kinds even by someone who can edit the
// file; moving one means decrypting and sealing it again here.
import { DamagedError, UsageError } from '../lib/errors.js';
import { type Box, boxFor } from './crypto.js';
import { toBase64 } from './encoding.js';
import {
  type HistoryEntry,
  MAX_HISTORY,
  type SealedFields,
  type SecretEntry,
  TRASH_DAYS,
  type TrashEntry,
  type VaultDoc,
} from './vault-format.js';
import type { Keys } from './vault-keys.js';
import { docBytes, historyAad, secretAad, trashAad } from './vault-mac.js';

type Kind = 'secret' | 'history' | 'trash';
const AAD = { secret: secretAad, history: historyAad, trash: trashAad };

// One cipher per value key while that key lives (see boxFor: a re-key seals thousands).
const boxes = new WeakMap<Buffer, Box>();
function box(keys: Keys): Box {
  let b = boxes.get(keys.enc);
  if (!b) {
    b = boxFor(keys.enc);
    boxes.set(keys.enc, b);
  }
  return b;
}

export function sealAs(
  keys: Keys,
  doc: VaultDoc,
  kind: Kind,
  name: string,
  plain: Buffer,
): SealedFields {
  const s = box(keys).seal(plain, AAD[kind](docBytes(doc.vaultId), name));
  return { iv: toBase64(s.iv), ct: toBase64(s.ct), tag: toBase64(s.tag) };
}

/** The plaintext of a sealed value; a failed tag is damage, never a wrong answer. */
export function openAs(
  keys: Keys,
  doc: VaultDoc,
  kind: Kind,
  name: string,
  f: SealedFields,
): Buffer {
  const plain = box(keys).open(
    { iv: docBytes(f.iv), ct: docBytes(f.ct), tag: docBytes(f.tag) },
    AAD[kind](docBytes(doc.vaultId), name),
  );
  if (!plain) {
    const what =
      kind === 'secret' ? 'value' : kind === 'history' ? 'earlier value' : 'trashed value';
    throw new DamagedError(`the ${what} of "${name}" failed its integrity check`);
  }
  return plain;
}

/** Opens as one kind/name and seals as another, wiping the plaintext in between. */
function reseal(
  from: { keys: Keys; kind: Kind; name: string },
  to: { keys: Keys; kind: Kind; name: string },
  doc: VaultDoc,
  f: SealedFields,
): SealedFields {
  const plain = openAs(from.keys, doc, from.kind, from.name, f);
  try {
    return sealAs(to.keys, doc, to.kind, to.name, plain);
  } finally {
    plain.fill(0);
  }
}

function moveHistory(
  history: HistoryEntry[] | undefined,
  doc: VaultDoc,
  from: { keys: Keys; name: string },
  to: { keys: Keys; name: string },
): HistoryEntry[] | undefined {
  if (!history?.length) return undefined;
  return history.map((h) => ({
    ...reseal({ ...from, kind: 'history' }, { ...to, kind: 'history' }, doc, h),
    setAt: h.setAt,
    replacedAt: h.replacedAt,
  }));
}

/**
 * The entry for `name` after its value becomes `plain`. The value it replaces goes to
 * the front of the history (at most MAX_HISTORY kept) unless it is the same value.
 */
export function replacedEntry(
  keys: Keys,
  doc: VaultDoc,
  name: string,
  before: SecretEntry | undefined,
  plain: Buffer,
  now: string,
): SecretEntry {
  const entry: SecretEntry = {
    ...sealAs(keys, doc, 'secret', name, plain),
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
  if (before?.pushed) entry.pushed = before.pushed;
  let history = before?.history;
  if (before) {
    const old = openAs(keys, doc, 'secret', name, before);
    try {
      if (!old.equals(plain)) {
        const h = { ...sealAs(keys, doc, 'history', name, old), setAt: before.updatedAt };
        history = [{ ...h, replacedAt: now }, ...(history ?? [])].slice(0, MAX_HISTORY);
      }
    } finally {
      old.fill(0);
    }
  }
  if (history?.length) entry.history = history;
  return entry;
}

/** Moves live secrets to the trash (sealed again under the trash AAD). */
export function trashSecrets(keys: Keys, doc: VaultDoc, names: string[], now: string): VaultDoc {
  const secrets = { ...doc.secrets };
  const trash = [...(doc.trash ?? [])];
  for (const name of names) {
    const e = secrets[name]!;
    const t: TrashEntry = {
      name,
      ...reseal({ keys, kind: 'secret', name }, { keys, kind: 'trash', name }, doc, e),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      deletedAt: now,
    };
    if (e.history?.length) t.history = e.history;
    trash.push(t);
    delete secrets[name];
  }
  return { ...doc, secrets, trash };
}

/** Brings back the most recently deleted secret named `name`. */
export function restoreFromTrash(keys: Keys, doc: VaultDoc, name: string): VaultDoc {
  const trash = [...(doc.trash ?? [])];
  const index = trash.findLastIndex((t) => t.name === name);
  if (index < 0) {
    throw new UsageError(`the trash has no secret named ${name}`, 'see what it holds: lsec trash');
  }
  if (Object.hasOwn(doc.secrets, name)) {
    throw new UsageError(
      `a secret named ${name} exists, so the deleted one cannot come back under that name`,
      `rename the current one first (lsec mv ${name} NEW-NAME), then: lsec restore ${name}`,
    );
  }
  const [t] = trash.splice(index, 1);
  const entry: SecretEntry = {
    ...reseal({ keys, kind: 'trash', name }, { keys, kind: 'secret', name }, doc, t!),
    createdAt: t!.createdAt,
    updatedAt: t!.updatedAt,
  };
  if (t!.history?.length) entry.history = t!.history;
  return { ...doc, secrets: { ...doc.secrets, [name]: entry }, trash };
}

/** Drops trash entries deleted more than TRASH_DAYS ago (run on every write). */
export function expireTrash(doc: VaultDoc, now: Date): VaultDoc {
  if (!doc.trash?.length) return doc;
  const cutoff = now.getTime() - TRASH_DAYS * 24 * 3600 * 1000;
  const trash = doc.trash.filter((t) => Date.parse(t.deletedAt) >= cutoff);
  return trash.length === doc.trash.length ? doc : { ...doc, trash };
}

/**
 * OLD becomes NEW: the value, its history and trashed copies of OLD are sealed again
 * under NEW. The push fingerprint is dropped: the cloud has no secret named NEW yet.
 */
export function renameSecret(keys: Keys, doc: VaultDoc, from: string, to: string): VaultDoc {
  const e = doc.secrets[from]!;
  const a = { keys, name: from };
  const b = { keys, name: to };
  const entry: SecretEntry = {
    ...reseal({ ...a, kind: 'secret' }, { ...b, kind: 'secret' }, doc, e),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
  const history = moveHistory(e.history, doc, a, b);
  if (history) entry.history = history;
  // Rebuilt in order so the listing keeps its shape; NEW takes OLD's place.
  const secrets: Record<string, SecretEntry> = {};
  for (const [n, v] of Object.entries(doc.secrets)) {
    if (n === from) secrets[to] = entry;
    else secrets[n] = v;
  }
  const trash = (doc.trash ?? []).map((t) => {
    if (t.name !== from) return t;
    const moved: TrashEntry = {
      ...t,
      ...reseal({ ...a, kind: 'trash' }, { ...b, kind: 'trash' }, doc, t),
      name: to,
    };
    const h = moveHistory(t.history, doc, a, b);
    if (h) moved.history = h;
    else delete moved.history;
    return moved;
  });
  return { ...doc, secrets, trash };
}

/**
 * Earlier value number `n` (1 = the newest) becomes the value; the current value goes
 * to the front of the history, so a restore can itself be undone.
 */
export function restoreHistory(
  keys: Keys,
  doc: VaultDoc,
  name: string,
  n: number,
  now: string,
): VaultDoc {
  const e = doc.secrets[name]!;
  const history = e.history ?? [];
  if (!Number.isSafeInteger(n) || n < 1 || n > history.length) {
    throw new UsageError(
      history.length === 0
        ? `${name} has no earlier values`
        : `${name} has earlier values 1 to ${history.length}, not ${n}`,
      `see them with: lsec history ${name}`,
    );
  }
  const chosen = openAs(keys, doc, 'history', name, history[n - 1]!);
  try {
    const rest = history.filter((_, i) => i !== n - 1);
    const base = { ...e, history: rest };
    return {
      ...doc,
      secrets: { ...doc.secrets, [name]: replacedEntry(keys, doc, name, base, chosen, now) },
    };
  } finally {
    chosen.fill(0);
  }
}

/**
 * Every value, earlier value and trashed value sealed again under `next` (a new data
 * key): an old copy of the file opened with the old passphrase then reveals nothing
 * written after the change. Push fingerprints that matched their value are recomputed
 * under the new key; the others stay as they are and keep reading as "changed".
 */
export function rekeyEntries(
  old: Keys,
  next: Keys,
  doc: VaultDoc,
  fingerprint: (keys: Keys, name: string, value: Buffer) => string,
): Pick<VaultDoc, 'secrets' | 'trash'> {
  const secrets: Record<string, SecretEntry> = {};
  for (const [name, e] of Object.entries(doc.secrets)) {
    const plain = openAs(old, doc, 'secret', name, e);
    try {
      const entry: SecretEntry = {
        ...sealAs(next, doc, 'secret', name, plain),
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      };
      if (e.pushed !== undefined) {
        entry.pushed =
          fingerprint(old, name, plain) === e.pushed ? fingerprint(next, name, plain) : e.pushed;
      }
      const history = moveHistory(e.history, doc, { keys: old, name }, { keys: next, name });
      if (history) entry.history = history;
      secrets[name] = entry;
    } finally {
      plain.fill(0);
    }
  }
  const trash = (doc.trash ?? []).map((t) => {
    const moved: TrashEntry = {
      ...t,
      ...reseal(
        { keys: old, kind: 'trash', name: t.name },
        { keys: next, kind: 'trash', name: t.name },
        doc,
        t,
      ),
    };
    const h = moveHistory(
      t.history,
      doc,
      { keys: old, name: t.name },
      { keys: next, name: t.name },
    );
    if (h) moved.history = h;
    return moved;
  });
  return { secrets, trash };
}
