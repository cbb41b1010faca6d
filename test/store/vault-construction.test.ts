// The vault format as documented (security.md §1), rebuilt here with node:crypto alone
// from a vault the real binary wrote: the key derivation, the key slot's AAD, the
// subkeys, each secret's AAD, the v2 history and trash AADs and the manifest MAC. lsec reading its own files back
// cannot catch a changed label (every existing vault would then read as damaged);
// this independent reading does.
import {
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  pbkdf2Sync,
  timingSafeEqual,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { initVault, PASSPHRASE, readDoc, runCli } from '../helpers/cli.js';

const SECRETS = { 'api-key': 'sk-123', 'multi.line': 'one\ntwo', 'unicode-value': 'pâté ✓ 鍵' };

/** LP(x) = 4-byte big-endian length ‖ x; strings as UTF-8. */
function lp(...parts: (Buffer | string)[]): Buffer {
  return Buffer.concat(
    parts.flatMap((part) => {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      const len = Buffer.alloc(4);
      len.writeUInt32BE(bytes.length);
      return [len, bytes];
    }),
  );
}

const b64 = (text: string) => Buffer.from(text, 'base64');

function gcmOpen(key: Buffer, sealed: { iv: string; ct: string; tag: string }, aad: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', key, b64(sealed.iv), { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(b64(sealed.tag));
  return Buffer.concat([decipher.update(b64(sealed.ct)), decipher.final()]);
}

describe('the vault file, read back with node:crypto from the documented construction', () => {
  it('opens the key slot, every secret, earlier and trashed value, and checks the MAC', async () => {
    const { home, pass } = await initVault({ secrets: { ...SECRETS, 'api-key': 'sk-old' } });
    // v2: a replaced value goes to the history, a deleted secret to the trash.
    for (const [args, input] of [
      [['set', 'api-key'], SECRETS['api-key']],
      [['add', 'gone'], 'deleted value'],
      [['rm', 'gone', '--yes'], ''],
    ] as const) {
      const r = await runCli([...args, '--passphrase-file', pass], { home, input });
      expect(r.code, r.stderr).toBe(0);
    }
    const doc = readDoc(home);
    expect(doc.format).toBe('lsec-vault');
    expect(doc.v).toBe(2);
    const vaultId = b64(doc.vaultId);
    const salt = b64(doc.kdf.salt);

    // KEK = PBKDF2-HMAC-SHA256(NFC UTF-8 passphrase, salt, iterations, 32).
    const kek = pbkdf2Sync(
      Buffer.from(PASSPHRASE.normalize('NFC'), 'utf8'),
      salt,
      doc.kdf.iterations,
      32,
      'sha256',
    );
    // Key-slot AAD: LP(label) ‖ LP(format) ‖ LP(v) ‖ LP(vaultId) ‖ LP(kdf params).
    const kdfParams = lp(doc.kdf.alg, String(doc.kdf.iterations), salt, doc.kdf.passphrase);
    const slotAad = lp('lsec/v1/keyslot', 'lsec-vault', '1', vaultId, kdfParams);
    const dek = gcmOpen(kek, doc.keySlot, slotAad);
    expect(dek).toHaveLength(32);

    // Subkeys: HKDF-SHA256(DEK, salt = vaultId, info = "lsec/v1 enc" | "lsec/v1 mac").
    const encKey = Buffer.from(hkdfSync('sha256', dek, vaultId, 'lsec/v1 enc', 32));
    const macKey = Buffer.from(hkdfSync('sha256', dek, vaultId, 'lsec/v1 mac', 32));

    // Secret AAD: LP("lsec/v1/secret") ‖ LP(vaultId) ‖ LP(utf8(name)).
    const opened = Object.fromEntries(
      Object.entries(doc.secrets).map(([name, entry]) => [
        name,
        gcmOpen(encKey, entry, lp('lsec/v1/secret', vaultId, name)).toString('utf8'),
      ]),
    );
    expect(opened).toEqual(SECRETS);
    // Earlier values: LP("lsec/v2/history") ‖ LP(vaultId) ‖ LP(name); trashed values:
    // LP("lsec/v2/trash") ‖ LP(vaultId) ‖ LP(name).
    const history = doc.secrets['api-key']!.history!;
    expect(gcmOpen(encKey, history[0]!, lp('lsec/v2/history', vaultId, 'api-key')).toString()).toBe(
      'sk-old',
    );
    const trashed = doc.trash![0]!;
    expect(trashed.name).toBe('gone');
    expect(gcmOpen(encKey, trashed, lp('lsec/v2/trash', vaultId, 'gone')).toString()).toBe(
      'deleted value',
    );

    // MAC = HMAC-SHA256(macKey, SHA-256 of the header, the generation and every entry
    // in name order, each field length-prefixed; v2 adds each entry's history (count,
    // then iv, ct, tag, setAt, replacedAt) and the trash (count, then each entry).
    const digest = createHash('sha256');
    const field = (text: string) => digest.update(lp(text));
    for (const text of ['lsec/v1/manifest', doc.format, String(doc.v), doc.vaultId]) field(text);
    digest.update(kdfParams);
    for (const text of [doc.keySlot.iv, doc.keySlot.ct, doc.keySlot.tag, String(doc.generation)]) {
      field(text);
    }
    const names = Object.keys(doc.secrets).sort();
    field(String(names.length));
    for (const name of names) {
      const e = doc.secrets[name]!;
      for (const text of [name, e.iv, e.ct, e.tag, e.createdAt, e.updatedAt, e.pushed ?? '']) {
        field(text);
      }
      historyFields(e.history);
    }
    field(String(doc.trash!.length));
    for (const t of doc.trash!) {
      for (const text of [t.name, t.iv, t.ct, t.tag, t.createdAt, t.updatedAt, t.deletedAt]) {
        field(text);
      }
      historyFields(t.history);
    }
    function historyFields(
      entries: { iv: string; ct: string; tag: string; setAt: string; replacedAt: string }[] = [],
    ) {
      field(String(entries.length));
      for (const h of entries)
        for (const text of [h.iv, h.ct, h.tag, h.setAt, h.replacedAt]) field(text);
    }
    const mac = createHmac('sha256', macKey).update(digest.digest()).digest();
    expect(timingSafeEqual(mac, b64(doc.mac))).toBe(true);
  });
});
