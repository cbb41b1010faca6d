// The whole TUI root against the fake Lightning API: a vault with secrets, some of
// them already "pushed" (in the server's store, with the vault's fingerprint), and
// the App unlocked through its passphrase prop. Used by home's cloud tests and the
// push screen's tests.
import { afterEach } from 'vitest';
import { App } from '../../../src/app.js';
import { Vault } from '../../../src/store/vault.js';
import { type CloudServer, startCloudServer } from '../../fixtures/cloud-server.js';
import { newSecret } from '../../fixtures/cloud-server-util.js';
import { PASSPHRASE } from '../../helpers/cli.js';
import { renderInk } from '../../helpers/ink.js';
import { ITERATIONS, vaultWith } from '../fixtures.js';

const servers: CloudServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

export interface CloudSetup {
  /** Local secrets. */
  secrets: Record<string, string>;
  /** Pushed from this vault (the cloud holds them, the vault recorded the fingerprint). */
  pushed?: string[];
  /** In the cloud only, or with the same name as a local secret never pushed from here. */
  remote?: Record<string, string>;
}

export async function cloudSetup({ secrets, pushed = [], remote = {} }: CloudSetup) {
  const server = await startCloudServer();
  servers.push(server);
  const { home, vault } = await vaultWith(secrets);
  const store = server.secretsOf();
  for (const [name, value] of Object.entries(remote)) store.push(newSecret(name, value));
  if (pushed.length > 0) {
    for (const name of pushed) store.push(newSecret(name, vault.reveal(name)));
    await vault.markPushed(new Map(pushed.map((n) => [n, vault.fingerprint(n, vault.reveal(n))])));
  }
  // Lightning's variables only: no credentials file is read.
  const env = { ...server.env, LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json' };
  return { server, home, vault, env };
}

/** A server that is gone: its URL refuses connections. */
export async function closedServerUrl(): Promise<string> {
  const server = await startCloudServer();
  await server.close();
  return server.url;
}

export function openApp(
  home: string,
  cloudEnv: NodeJS.ProcessEnv | undefined,
  size: { rows?: number; columns?: number; autolockMs?: number } = {},
) {
  return renderInk(
    <App
      home={home}
      autolockMs={size.autolockMs ?? 0}
      iterations={ITERATIONS}
      passphrase={PASSPHRASE}
      cloudEnv={cloudEnv}
    />,
    { rows: size.rows ?? 24, columns: size.columns ?? 100 },
  );
}

/** The vault as a new process would see it. */
export function reopened(vault: Vault): Promise<Vault> {
  return Vault.unlock(vault.home, PASSPHRASE);
}

/** The row of `name` in a frame. */
export function rowOf(frame: string, name: string): string {
  return frame.split('\n').find((line) => line.slice(2).startsWith(`${name} `)) ?? '';
}
