// What goes in through `lsec add`/`set` comes out of `lsec get` byte for byte, through
// the real binary: any Unicode, line breaks, empty and maximum-size values, maximum
// name length. Only one trailing newline is stripped on input (DESIGN §2) and `get`
// adds exactly one.
import { describe, expect, it } from 'vitest';
import {
  getValue,
  initVault,
  PASSPHRASE,
  passFile,
  readVaultBytes,
  runCli,
  spawnCli,
} from '../helpers/cli.js';

const MiB = 1024 * 1024;

describe('values round-trip through add/get', async () => {
  const { home, pass } = await initVault();
  const cases: [string, string][] = [
    ['emoji', '🔑 key 👩‍👩‍👧 family ZWJ'],
    ['combining', 'e\u0301 (NFD) and \u00e9 (NFC) stay distinct'],
    ['rtl', 'שלום עולם مرحبا \u202e reversed'],
    ['crlf-inside', 'line one\r\nline two\r\n\r\nline four'],
    ['leading-and-inner-space', '  padded \t value  '],
    ['bom', '\ufeffstarts with a BOM'],
    ['json-like', '{"schema":1,"a":"\\u0000"}'],
    ['empty', ''],
  ];

  for (const [name, value] of cases) {
    it(`${name}`, async () => {
      // One trailing newline, as `echo` would add, is stripped; nothing else changes.
      const add = await runCli(['add', name, '--passphrase-file', pass], {
        home,
        input: `${value}\n`,
      });
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout).toBe('');
      const got = await runCli(['get', name, '--passphrase-file', pass], { home });
      expect(got.code, got.stderr).toBe(0);
      expect(got.stdoutBytes.equals(Buffer.from(`${value}\n`, 'utf8'))).toBe(true);
    });
  }

  it('a value with no trailing newline is kept whole; only one of two newlines goes', async () => {
    await runCli(['set', 'no-nl', '--passphrase-file', pass], { home, input: 'abc' });
    expect((await getValue(home, pass, 'no-nl')).value).toBe('abc');
    await runCli(['set', 'two-nl', '--passphrase-file', pass], { home, input: 'abc\n\n' });
    expect((await getValue(home, pass, 'two-nl')).value).toBe('abc\n');
  });

  it('set replaces a value and keeps the others', async () => {
    const set = await runCli(['set', 'emoji', '--passphrase-file', pass], { home, input: 'new' });
    expect(set.code, set.stderr).toBe(0);
    expect((await getValue(home, pass, 'emoji')).value).toBe('new');
    expect((await getValue(home, pass, 'rtl')).value).toBe(cases[2]![1]);
  });
});

describe('limits', async () => {
  const { home, pass } = await initVault();

  it('a value of exactly 1 MiB is stored; 1 MiB + 1 byte is refused with exit 2', async () => {
    // Multi-byte characters make "1 MiB" mean bytes, not characters.
    const exact = `${'é'.repeat(MiB / 2 - 1)}ab`;
    expect(Buffer.byteLength(exact)).toBe(MiB);
    const add = await runCli(['add', 'big', '--passphrase-file', pass], {
      home,
      input: `${exact}\n`,
    });
    expect(add.code, add.stderr).toBe(0);
    const got = await runCli(['get', 'big', '--passphrase-file', pass], { home });
    expect(got.stdoutBytes.length).toBe(MiB + 1);
    expect(got.stdout).toBe(`${exact}\n`);

    const before = readVaultBytes(home);
    for (const input of [`${exact}c`, `${exact}c\n`, 'x'.repeat(3 * MiB)]) {
      const over = await runCli(['add', 'too-big', '--passphrase-file', pass], { home, input });
      expect(over.code).toBe(2);
      expect(over.stderr).toMatch(/^lsec: error: .*1 MiB/m);
    }
    expect(readVaultBytes(home).equals(before)).toBe(true);
  });

  it('a reader that stops early (`lsec get big | head -c 5`) gets no stack trace', async () => {
    // 1 MiB is far more than a pipe holds, so lsec is still writing when it closes.
    const child = spawnCli(['get', 'big', '--passphrase-file', pass], { home });
    child.stdin!.end();
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.stdout!.once('data', () => child.stdout!.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a name of 253 characters is accepted; 254 is refused with exit 2', async () => {
    const name = `a${'b.c-'.repeat(63)}`; // 253
    expect(name).toHaveLength(253);
    const add = await runCli(['add', name, '--passphrase-file', pass], { home, input: 'v' });
    expect(add.code, add.stderr).toBe(0);
    expect((await getValue(home, pass, name)).value).toBe('v');
    const list = await runCli(['list', '--json'], { home });
    expect(JSON.parse(list.stdout).secrets.map((s: { name: string }) => s.name)).toContain(name);

    const long = `${name}x`;
    const before = readVaultBytes(home);
    const refused = await runCli(['add', long, '--passphrase-file', pass], { home, input: 'v' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^lsec: error: .*at most 253 characters/m);
    expect(readVaultBytes(home).equals(before)).toBe(true);
  });
});

describe('passphrases', () => {
  it('the NFC and NFD spellings of a passphrase unlock the same vault', async () => {
    const nfc = 'Crème brûlée für José';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const { home } = await initVault({ passphrase: nfd, secrets: { k: 'v' } });
    expect((await getValue(home, passFile(nfc), 'k')).value).toBe('v');
    // The same through LSEC_PASSPHRASE.
    const viaEnv = await runCli(['get', 'k'], { home, env: { LSEC_PASSPHRASE: nfc } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(viaEnv.stdout).toBe('v\n');
  });

  it('a passphrase file written with CRLF line ends still unlocks', async () => {
    const { home } = await initVault({ secrets: { k: 'v' } });
    const crlf = passFile('x');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(crlf, `${PASSPHRASE}\r\nsecond line ignored\r\n`);
    expect((await getValue(home, crlf, 'k')).value).toBe('v');
  });
});
