// Known-answer tests for the primitives the vault rests on (security.md §6), each also
// cross-checked against node:crypto; the node-forge pitfalls of security.md §4 are tested through lsec.
// A wrong KDF hash, a truncated tag or a leaked unauthenticated plaintext would all
// still round-trip inside lsec, so only fixed vectors can catch them.
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  boxFor,
  deriveKey,
  lp,
  open,
  passphraseBytes,
  seal,
  subkey,
} from '../../src/store/crypto.js';
import { fromBase64, isCanonicalBase64, toBase64 } from '../../src/store/encoding.js';

const hex = (s: string) => Buffer.from(s, 'hex');
const zeros = (n: number) => Buffer.alloc(n);

describe('PBKDF2-HMAC-SHA256 (RFC 7914 §11)', () => {
  const vectors = [
    {
      p: 'passwd',
      s: 'salt',
      c: 1,
      dk: '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    },
    {
      p: 'Password',
      s: 'NaCl',
      c: 80000,
      dk: '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    },
  ];

  for (const { p, s, c, dk } of vectors) {
    // The vectors are 64 bytes long; deriveKey asks for 32: its key is their first half.
    it(`"${p}"/"${s}" c=${c}: deriveKey returns the first 32 bytes`, async () => {
      const key = await deriveKey(Buffer.from(p), Buffer.from(s), c);
      expect(key.toString('hex')).toBe(dk.slice(0, 64));
    });
  }

  it("deriveKey is PBKDF2 with SHA-256, not forge's SHA-1 default (RFC 6070)", async () => {
    // If deriveKey ever dropped its "sha256" argument, forge would fall back to SHA-1
    // and produce the RFC 6070 key below.
    const ours = await deriveKey(Buffer.from('password'), Buffer.from('salt'), 1);
    expect(ours.subarray(0, 20).toString('hex')).not.toBe(
      '0c60c80f961f0e71f3a9b524af6012062fe037a6',
    );
    expect(ours.equals(pbkdf2Sync('password', 'salt', 1, 32, 'sha256'))).toBe(true);
  });

  it('non-Latin-1 passphrases derive distinct keys, equal to native UTF-8 PBKDF2', async () => {
    // forge truncates chars above U+00FF unless given UTF-8 bytes: '€' (U+20AC) and
    // '¬' (U+00AC) would then collide.
    const salt = Buffer.from('0123456789abcdef');
    const euro = await deriveKey(passphraseBytes('pass€word'), salt, 1000);
    const not = await deriveKey(passphraseBytes('pass¬word'), salt, 1000);
    expect(euro.equals(not)).toBe(false);
    expect(
      euro.equals(pbkdf2Sync(Buffer.from('pass€word', 'utf8'), salt, 1000, 32, 'sha256')),
    ).toBe(true);
  });

  it('NFC and NFD spellings of a passphrase give the same bytes', () => {
    const nfc = 'caf\u00e9 cr\u00e8me';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(passphraseBytes(nfd).equals(passphraseBytes(nfc))).toBe(true);
  });
});

describe('AES-256-GCM (GCM spec test cases 13–16)', () => {
  const K15 = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
  const IV15 = hex('cafebabefacedbaddecaf888');
  const P15 =
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255';
  const C15 =
    '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad';
  const cases = [
    {
      tc: 13,
      k: zeros(32),
      iv: zeros(12),
      p: '',
      a: '',
      c: '',
      t: '530f8afbc74536b9a963b4f1c4cb738b',
    },
    {
      tc: 14,
      k: zeros(32),
      iv: zeros(12),
      p: '00000000000000000000000000000000',
      a: '',
      c: 'cea7403d4d606b6e074ec5d3baf39d18',
      t: 'd0d1c8a799996bf0265b98b5d48ab919',
    },
    { tc: 15, k: K15, iv: IV15, p: P15, a: '', c: C15, t: 'b094dac5d93471bdec1a502270e3cc6c' },
    {
      // AAD and a partial last block (60 bytes).
      tc: 16,
      k: K15,
      iv: IV15,
      p: P15.slice(0, 120),
      a: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
      c: C15.slice(0, 120),
      t: '76fc6ece0f4e1768cddf8853bb2d551b',
    },
  ];

  for (const { tc, k, iv, p, a, c, t } of cases) {
    it(`TC${tc}: seal with the given IV gives C and T, as node:crypto does`, () => {
      const sealed = seal(k, hex(p), hex(a), iv);
      expect(sealed.ct.toString('hex')).toBe(c);
      expect(sealed.tag.toString('hex')).toBe(t);
      expect(sealed.iv.equals(iv)).toBe(true);

      const node = createCipheriv('aes-256-gcm', k, iv, { authTagLength: 16 });
      node.setAAD(hex(a));
      const nodeCt = Buffer.concat([node.update(hex(p)), node.final()]);
      expect(nodeCt.toString('hex')).toBe(c);
      expect(node.getAuthTag().toString('hex')).toBe(t);
    });

    it(`TC${tc}: open returns P, and node:crypto decrypts what seal wrote`, () => {
      expect(open(k, { iv, ct: hex(c), tag: hex(t) }, hex(a))?.toString('hex')).toBe(p);
      const sealed = seal(k, hex(p), hex(a), iv);
      const node = createDecipheriv('aes-256-gcm', k, iv, { authTagLength: 16 });
      node.setAAD(hex(a));
      node.setAuthTag(sealed.tag);
      expect(Buffer.concat([node.update(sealed.ct), node.final()]).toString('hex')).toBe(p);
    });
  }

  const tc15 = { iv: IV15, ct: hex(C15), tag: hex('b094dac5d93471bdec1a502270e3cc6c') };

  it('a bad tag, ciphertext or AAD yields undefined, never partial plaintext', () => {
    // forge fills its output before finish() reports the failure (pitfall 1).
    const badTag = Buffer.from(tc15.tag);
    badTag[15]! ^= 1;
    expect(open(K15, { ...tc15, tag: badTag }, Buffer.alloc(0))).toBeUndefined();
    const badCt = Buffer.from(tc15.ct);
    badCt[0]! ^= 0x80;
    expect(open(K15, { ...tc15, ct: badCt }, Buffer.alloc(0))).toBeUndefined();
    expect(open(K15, tc15, Buffer.from('aad'))).toBeUndefined();
    expect(open(K15, { ...tc15, ct: tc15.ct.subarray(0, 63) }, Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses tags and IVs of the wrong length (no short-tag acceptance)', () => {
    // A 4-byte tag prefix is what a caller-chosen tagLength of 32 would accept.
    for (const n of [0, 4, 8, 12, 15]) {
      expect(open(K15, { ...tc15, tag: tc15.tag.subarray(0, n) }, Buffer.alloc(0))).toBeUndefined();
    }
    expect(
      open(K15, { ...tc15, tag: Buffer.concat([tc15.tag, zeros(1)]) }, zeros(0)),
    ).toBeUndefined();
    for (const n of [0, 8, 11, 13, 16, 32]) {
      expect(open(K15, { ...tc15, iv: Buffer.alloc(n, 0xca) }, Buffer.alloc(0))).toBeUndefined();
    }
    expect(() => open(K15.subarray(0, 16), tc15, Buffer.alloc(0))).toThrow();
  });

  it('seal draws a fresh 12-byte IV and a 16-byte tag each time', () => {
    const a = seal(K15, Buffer.from('same'), Buffer.alloc(0));
    const b = seal(K15, Buffer.from('same'), Buffer.alloc(0));
    expect(a.iv).toHaveLength(12);
    expect(a.tag).toHaveLength(16);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ct.equals(b.ct)).toBe(false);
  });
});

describe('boxFor: one cipher reused for many values (re-key speed)', () => {
  it('TC15 then TC16 through one box: the cached GHASH table gives the vectors every time', () => {
    const K = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
    const IV = hex('cafebabefacedbaddecaf888');
    const P =
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255';
    const box = boxFor(K);
    for (let round = 0; round < 2; round++) {
      expect(box.seal(hex(P), Buffer.alloc(0), IV).tag.toString('hex')).toBe(
        'b094dac5d93471bdec1a502270e3cc6c',
      );
      const s16 = box.seal(
        hex(P.slice(0, 120)),
        hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'),
        IV,
      );
      expect(s16.tag.toString('hex')).toBe('76fc6ece0f4e1768cddf8853bb2d551b');
    }
  });

  it('200 values sealed and opened by one box agree with node:crypto both ways; a bad tag opens nothing', () => {
    const key = randomBytes(32);
    const box = boxFor(key);
    for (let i = 0; i < 200; i++) {
      const plain = randomBytes(i % 70);
      const aad = randomBytes(i % 23);
      const s = box.seal(plain, aad);
      const d = createDecipheriv('aes-256-gcm', key, s.iv, { authTagLength: 16 });
      d.setAAD(aad);
      d.setAuthTag(s.tag);
      expect(Buffer.concat([d.update(s.ct), d.final()]).equals(plain)).toBe(true);

      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      c.setAAD(aad);
      const ct = Buffer.concat([c.update(plain), c.final()]);
      const tag = c.getAuthTag();
      expect(box.open({ iv, ct, tag }, aad)?.equals(plain)).toBe(true);
      const bad = Buffer.from(tag);
      bad[i % 16]! ^= 1;
      expect(box.open({ iv, ct, tag: bad }, aad)).toBeUndefined();
    }
  });
});

describe('HKDF, length prefixes and base64', () => {
  it('subkey is HKDF-SHA256(DEK, salt = vault id, info = "lsec/v1 PURPOSE", 32 bytes)', async () => {
    const { hkdfSync } = await import('node:crypto');
    // The documented construction (security.md §1), computed here independently.
    const dek = Buffer.alloc(32, 7);
    const vaultId = hex('000102030405060708090a0b0c0d0e0f');
    for (const purpose of ['enc', 'mac']) {
      const expected = Buffer.from(hkdfSync('sha256', dek, vaultId, `lsec/v1 ${purpose}`, 32));
      expect(subkey(dek, vaultId, purpose).equals(expected), purpose).toBe(true);
    }
    // One key per purpose and per vault.
    const enc = subkey(dek, zeros(16), 'enc');
    expect(enc).toHaveLength(32);
    expect(enc.equals(subkey(dek, zeros(16), 'mac'))).toBe(false);
    expect(enc.equals(subkey(dek, Buffer.alloc(16, 1), 'enc'))).toBe(false);
  });

  it('lp keeps ("ab","c") and ("a","bc") apart', () => {
    expect(lp('ab', 'c').equals(lp('a', 'bc'))).toBe(false);
    expect(lp('a').toString('hex')).toBe('0000000161');
  });

  it('fromBase64 accepts only the canonical spelling', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0x01]);
    expect(fromBase64(toBase64(bytes))?.equals(bytes)).toBe(true);
    expect(fromBase64('')?.length).toBe(0);
    // Non-canonical trailing bits, missing or extra padding, URL alphabet, spaces.
    for (const bad of [
      'QR==',
      'QQ',
      'QQ===',
      '-_8B',
      '+/8B ',
      ' +/8B',
      '+/8\nB',
      'QQ=A',
      1,
      null,
    ]) {
      expect(fromBase64(bad)).toBeUndefined();
    }
  });
});

describe('isCanonicalBase64', () => {
  it('agrees with decoding for every length 0..40 and for corrupted spellings', () => {
    for (let n = 0; n <= 40; n++) {
      const text = randomBytes(n).toString('base64');
      expect(isCanonicalBase64(text)).toBe(true);
      expect(isCanonicalBase64(text, n)).toBe(true);
      expect(isCanonicalBase64(text, n + 1)).toBe(false);
      // Every single-character change keeps the answer equal to a full decode check.
      for (let i = 0; i < text.length; i++) {
        for (const c of ['A', 'B', '/', '=', '-', '*']) {
          const bad = text.slice(0, i) + c + text.slice(i + 1);
          expect(isCanonicalBase64(bad), bad).toBe(fromBase64(bad) !== undefined);
        }
      }
    }
  });
});
