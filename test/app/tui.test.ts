import { describe, expect, it } from 'vitest';
import { iterationsFrom } from '../../src/store/vault-format.js';
import { autolockMs } from '../../src/tui.js';

describe('TUI settings', () => {
  it('reads LSEC_AUTOLOCK as minutes: default 5, 0 = never, decimals allowed', () => {
    expect(autolockMs(undefined)).toBe(300_000);
    expect(autolockMs('')).toBe(300_000);
    expect(autolockMs('0')).toBe(0);
    expect(autolockMs('0.05')).toBe(3_000);
    expect(autolockMs('10')).toBe(600_000);
  });

  it('refuses what is not a number of minutes, with an example', () => {
    for (const bad of ['soon', '-1', 'Infinity']) {
      expect(() => autolockMs(bad)).toThrow(/LSEC_AUTOLOCK must be a number of minutes/);
    }
  });

  it('takes the new vault iterations from LSEC_ITERATIONS, as lsec init does', () => {
    expect(iterationsFrom('600000')).toBe(600_000);
    expect(iterationsFrom(undefined)).toBe(1_000_000);
    expect(iterationsFrom('')).toBe(1_000_000);
    for (const bad of ['599999', '10000001', '1e6x', '700000.5', 'many']) {
      expect(() => iterationsFrom(bad)).toThrow(/LSEC_ITERATIONS must be a whole number/);
    }
  });
});
