// In-process unlock timings (DESIGN §7): Vault.unlock against Node's native PBKDF2 at
// the same iterations, and a 10,000-secret vault against a 10-secret one.
import { pbkdf2, randomBytes } from 'node:crypto';
import { Vault } from '../src/store/vault.js';

const [small, big, passphrase] = [
  process.env.BENCH_SMALL!,
  process.env.BENCH_BIG!,
  process.env.BENCH_PASSPHRASE!,
];
const runs = Number(process.env.BENCH_RUNS ?? '11');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const iterations = (await Vault.unlock(small, passphrase)).iterations;
const bare = () =>
  new Promise((resolve, reject) =>
    pbkdf2(passphrase, randomBytes(16), iterations, 32, 'sha256', (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
const unlock = (home: string) => () => Vault.unlock(home, passphrase).then((v) => v.lock());

const t = { small: [] as number[], big: [] as number[], bare: [] as number[] };
for (let i = 0; i < runs; i++) {
  t.small.push(await time(unlock(small)));
  t.bare.push(await time(bare));
  t.big.push(await time(unlock(big)));
}
const [s, b, n] = [median(t.small), median(t.big), median(t.bare)];
console.log(
  JSON.stringify([
    { name: 'unlock in-process  vs  native PBKDF2', budget: 1.1, a: s, b: n },
    { name: `unlock in-process: ${process.env.BENCH_COUNT} vs 10`, budget: 1.1, a: b, b: s },
  ]),
);
