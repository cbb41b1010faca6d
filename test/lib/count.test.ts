import { describe, expect, it } from 'vitest';
import { count, formatNumber } from '../../src/lib/count.js';

describe('formatNumber', () => {
  it('groups thousands with commas, as people read counts', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(10_000)).toBe('10,000');
    expect(formatNumber(600_000)).toBe('600,000');
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(-1234)).toBe('-1,234');
    expect(formatNumber(1999.6)).toBe('2,000');
  });

  it('says the noun in the singular only for one', () => {
    expect(count(1, 'secret')).toBe('1 secret');
    expect(count(0, 'secret')).toBe('0 secrets');
    expect(count(12_000, 'entry', 'entries')).toBe('12,000 entries');
  });
});
