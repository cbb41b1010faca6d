// Tampering seen through the real binary, as a user would meet it: exit 4 and one
// error line, never a wrong value or a stack trace. The exhaustive every-byte sweep
// runs in-process (test/store/vault-tamper.test.ts); here a sample of positions, one
// in each field, proves the binary maps the same failures to the same exit codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  expectOneError,
  initVault,
  passFile,
  readDoc,
  runCli,
  valueSpans,
  vaultPath,
  writeDoc,
} from '../helpers/cli.js';

const VALUES = { 'api-token': 'tok-SENTINEL-a1', 'db.pass': 'pw-SENTINEL-b2' };
const { home, pass } = await initVault({ secrets: VALUES });
const original = readFileSync(vaultPath(home));
const text = original.toString('latin1');
const { home: otherHome } = await initVault({ secrets: { 'api-token': 'other-SENTINEL' } });
const other = readDoc(otherHome);

/** Offset of the n-th character of a string value, found by following keys in order. */
function inside(path: string[], n: number): number {
  let at = 0;
  for (const key of path) at = text.indexOf(`"${key}":`, at);
  return text.indexOf('"', at + path.at(-1)!.length + 3) + 1 + n;
}

const [vaultIdSpan, kdfSpan, keySlotSpan] = valueSpans(text, ['vaultId', 'kdf', 'keySlot']);
const headerInput = (pos: number) =>
  [vaultIdSpan!, kdfSpan!, keySlotSpan!].some(([a, b]) => pos >= a && pos < b);

const samples: [string, number][] = [
  ['format', inside(['format'], 3)],
  ['vaultId', inside(['vaultId'], 5)],
  ['generation', text.indexOf('"generation":') + 14],
  ['kdf.iterations', text.indexOf('"iterations":') + 15],
  ['kdf.salt', inside(['kdf', 'salt'], 2)],
  ['keySlot.ct', inside(['keySlot', 'ct'], 20)],
  ['keySlot.tag', inside(['keySlot', 'tag'], 7)],
  ['secret iv', inside(['secrets', 'iv'], 4)],
  ['secret ct', inside(['secrets', 'ct'], 3)],
  ['secret tag', inside(['secrets', 'tag'], 10)],
  ['createdAt', inside(['secrets', 'createdAt'], 6)],
  ['mac', inside(['mac'], 20)],
  ['a secret name', text.indexOf('"db.pass"') + 2],
];

function mutated(pos: number): Buffer {
  const bytes = Buffer.from(original);
  const c = bytes[pos]!;
  // Stay in the base64/digit alphabet so the change reaches the crypto checks.
  bytes[pos] = c === 0x39 ? 0x30 : c === 0x7a || c === 0x5a ? c - 25 : c === 0x2f ? 0x2b : c + 1;
  return bytes;
}

async function expectRefusedOrSame(where: string, allowLocked: boolean) {
  const codes: number[] = [];
  for (const [name, value] of Object.entries(VALUES)) {
    const r = await runCli(['get', name, '--passphrase-file', pass], { home });
    codes.push(r.code ?? -1);
    if (r.code === 0) {
      expect(r.stdout, where).toBe(`${value}\n`);
      continue;
    }
    expect([4, ...(allowLocked ? [3] : [])], `${where}: ${r.stderr}`).toContain(r.code);
    expect(r.stdout).toBe('');
    expectOneError(r.stderr, r.code === 4 ? /vault\.json\.bak|lsec version/ : /try again/);
    expect(r.stderr).not.toMatch(/SENTINEL/);
  }
  return codes;
}

describe('one changed byte per field, through lsec get', () => {
  for (const [field, pos] of samples) {
    it(`${field} (offset ${pos})`, async () => {
      writeFileSync(vaultPath(home), mutated(pos), { mode: 0o600 });
      // The passphrase-keyed key-slot tag cannot tell an edited salt, vault id or key
      // slot from a wrong passphrase, so exit 3 is the honest answer there only.
      const codes = await expectRefusedOrSame(field, headerInput(pos));
      expect(
        codes.every((c) => c !== 0),
        `${field}: changed byte accepted`,
      ).toBe(true);
    });
  }

  it('a whitespace change is neutral: every value reads back unchanged', async () => {
    const bytes = Buffer.from(original);
    bytes[text.indexOf('\t')] = 0x20;
    writeFileSync(vaultPath(home), bytes, { mode: 0o600 });
    expect(await expectRefusedOrSame('whitespace', false)).toEqual([0, 0]);
  });
});

describe('structural tampering through the binary exits 4', () => {
  const doc = JSON.parse(original.toString('utf8'));
  const edits: [string, () => unknown][] = [
    [
      'ciphertexts swapped between names',
      () => ({
        ...doc,
        secrets: { 'api-token': doc.secrets['db.pass'], 'db.pass': doc.secrets['api-token'] },
      }),
    ],
    [
      'an entry copied in from another vault',
      () => ({ ...doc, secrets: { ...doc.secrets, 'api-token': other.secrets['api-token'] } }),
    ],
    ['generation lowered', () => ({ ...doc, generation: doc.generation - 1 })],
    ['an entry deleted', () => ({ ...doc, secrets: { 'api-token': doc.secrets['api-token'] } })],
    ['the mac pasted from another vault', () => ({ ...doc, mac: other.mac })],
  ];
  for (const [what, edit] of edits) {
    it(what, async () => {
      writeDoc(home, edit());
      const r = await runCli(['get', 'api-token', '--passphrase-file', pass], { home });
      expect(r.code, r.stderr).toBe(4);
      expectOneError(r.stderr, /vault\.json\.bak/);
      expect(r.stdout).toBe('');
    });
  }
});

describe('edited KDF parameters exit 4 before the passphrase is even tried', () => {
  const doc = JSON.parse(original.toString('utf8'));
  const wrong = passFile('a wrong passphrase');
  const kdfs: [string, unknown][] = [
    ['iterations 599999', { ...doc.kdf, iterations: 599_999 }],
    ['iterations 10000001', { ...doc.kdf, iterations: 10_000_001 }],
    ['iterations "1000000"', { ...doc.kdf, iterations: '1000000' }],
    ['iterations 1000000.5', { ...doc.kdf, iterations: 1_000_000.5 }],
    ['alg "argon2id"', { ...doc.kdf, alg: 'argon2id' }],
  ];
  for (const [what, kdf] of kdfs) {
    it(what, async () => {
      writeDoc(home, { ...doc, kdf });
      // With a wrong passphrase: a derivation followed by the tag check would say 3.
      const r = await runCli(['get', 'api-token', '--passphrase-file', wrong], { home });
      expect(r.code, r.stderr).toBe(4);
      expectOneError(r.stderr, /vault\.json\.bak/);
      const list = await runCli(['list', '--json'], { home });
      expect(list.code).toBe(4);
      expect(list.stdout).toBe('');
    });
  }
});
