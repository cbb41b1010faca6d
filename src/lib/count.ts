// Numbers as people read them in messages: "1 secret", "1,000 secrets".

/**
 * A whole number with thousands separators ("10,000"), rounded. By hand, not with
 * Intl.NumberFormat or toLocaleString: their first use loads ICU's locale data, about
 * 20 ms added to the start of every command (DESIGN §7 budgets `lsec list`).
 */
export function formatNumber(n: number): string {
  const whole = Math.round(n);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, ',');
  return whole < 0 ? `-${grouped}` : grouped;
}

/** `n` and the noun, plural unless n is 1: count(3, 'problem') → "3 problems". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(n)} ${n === 1 ? noun : plural}`;
}
