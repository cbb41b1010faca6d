// Placeholder until the performance suite lands: proves the built binary starts.
import { execFileSync } from 'node:child_process';

const started = process.hrtime.bigint();
execFileSync(process.execPath, ['bin/lsec.js', '--version']);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`lsec --version: ${ms.toFixed(0)} ms (no budgets yet)`);
