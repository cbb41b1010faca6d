// Numbers as people read them in messages: "1 secret", "1,000 secrets".

const number = new Intl.NumberFormat('en-US');

/** A whole number with thousands separators. */
export function formatNumber(n: number): string {
  return number.format(n);
}

/** `n` and the noun, plural unless n is 1: count(3, 'problem') → "3 problems". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${number.format(n)} ${n === 1 ? noun : plural}`;
}
