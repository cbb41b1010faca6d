// The one redaction of server text (issue 11 item 8): every form in which a server can
// echo a secret back is hidden, and a longer secret is hidden whole before a shorter
// one inside it.
import { describe, expect, it } from 'vitest';
import { redact, serverText } from '../../src/cloud/cloud-error.js';
import { Credentials } from '../../src/cloud/credentials.js';

const VALUE = 'päss"wörd\n2';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('redact', () => {
  it.each([
    ['raw', VALUE],
    ['JSON-escaped', JSON.stringify(VALUE).slice(1, -1)],
    ['base64', b64(VALUE)],
    ['base64 without padding', b64(VALUE).replace(/=+$/, '')],
    ['base64url', Buffer.from(VALUE).toString('base64url')],
    ['URL-encoded', encodeURIComponent(VALUE)],
    ['UTF-8 read as Latin-1 (a reason phrase)', Buffer.from(VALUE).toString('latin1')],
  ])('hides the %s form', (_, form) => {
    expect(redact(`before ${form} after`, [VALUE])).toBe('before [hidden] after');
  });

  it('hides the Basic header, its base64 and the key, whichever the server echoes', () => {
    const creds = new Credentials('user-1', 'KEY-123', 'environment');
    const header = creds.authorization();
    const text = `${header} | ${header.slice(6)} | KEY-123 | user-1:KEY-123`;
    expect(redact(text, creds.secrets())).toBe('[hidden] | [hidden] | [hidden] | [hidden]');
  });

  it('hides Bearer forms (token, or key alone)', () => {
    for (const creds of [
      new Credentials('', '', 'environment', 'TOKEN-9'),
      new Credentials('', 'KEY-9', 'environment'),
    ]) {
      const header = creds.authorization();
      expect(header).toMatch(/^Bearer /);
      const text = `${header} ${header.slice(7)} ${b64(header.slice(7))}`;
      expect(redact(text, creds.secrets())).not.toMatch(/TOKEN-9|KEY-9|VE9LRU4tOQ|S0VZLTk/);
    }
  });

  it('serverText redacts a value echoed inside details, JSON-escaped', () => {
    const body = JSON.stringify({ message: 'bad', details: [{ echo: VALUE }] });
    const text = serverText(body, [VALUE]);
    expect(text).toContain('[hidden]');
    expect(text).not.toContain('w\\u00f6rd');
    expect(text).not.toContain('wörd');
  });
});
