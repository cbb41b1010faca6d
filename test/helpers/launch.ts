// `lsec launch` through the real binary with the fake Lightning launcher, in a HOME of
// its own (so no real ~/.lightning/credentials.json is read): the run's result plus
// what the fake recorded.
import { join } from 'node:path';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { runCli, tempDir } from './cli.js';

export async function launchWithFake(
  args: string[],
  options: { home: string; cwd: string; env?: Record<string, string> },
) {
  const log = join(tempDir('lsec-log-'), 'fake.jsonl');
  const r = await runCli(['launch', ...args], {
    home: options.home,
    cwd: options.cwd,
    env: {
      HOME: tempDir('lsec-userhome-'),
      LSEC_LIGHTNING: FAKE_LIGHTNING,
      FAKE_LIGHTNING_LOG: log,
      ...options.env,
    },
  });
  return { ...r, launches: fakeLaunches(log), log };
}
