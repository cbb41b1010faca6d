import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Credentials } from '../../src/cloud/credentials.js';
import { CloudClient } from '../../src/cloud/http.js';
import { executePush, type PushAction, type PushResult, planPush } from '../../src/cloud/push.js';
import { listCloudSecrets, teamspaceScope } from '../../src/cloud/secrets.js';
import { UsageError } from '../../src/lib/errors.js';
import { clientFor } from '../fixtures/cloud-client.js';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';

const local = [
  { name: 'a', fingerprint: 'fa' },
  { name: 'b', fingerprint: 'fb' },
  { name: 'c', fingerprint: 'fc' },
  { name: 'd', fingerprint: 'fd' },
];
const remote = [
  { id: 'id-b', name: 'b' },
  { id: 'id-c', name: 'c' },
  { id: 'id-d', name: 'd' },
  { id: 'id-B', name: 'B' },
];
// a: never pushed; b: pushed, same; c: pushed, changed since; d: in the cloud, not by us.
const lastPushed = new Map([
  ['b', 'fb'],
  ['c', 'old'],
]);

describe('planPush', () => {
  it.each<[string, Parameters<typeof planPush>[0], PushAction[]]>([
    [
      'all secrets',
      { local, lastPushed, remote },
      [
        { kind: 'create', name: 'a', reason: 'new' },
        { kind: 'unchanged', name: 'b', id: 'id-b' },
        { kind: 'update', name: 'c', id: 'id-c', reason: 'changed' },
        { kind: 'update', name: 'd', id: 'id-d', reason: 'untracked' },
      ],
    ],
    [
      'force',
      { local, lastPushed, remote, force: true },
      [
        { kind: 'create', name: 'a', reason: 'new' },
        { kind: 'update', name: 'b', id: 'id-b', reason: 'forced' },
        { kind: 'update', name: 'c', id: 'id-c', reason: 'forced' },
        { kind: 'update', name: 'd', id: 'id-d', reason: 'forced' },
      ],
    ],
    [
      'names filter, in the order given, once each',
      { local, lastPushed, remote, names: ['c', 'a', 'c'] },
      [
        { kind: 'update', name: 'c', id: 'id-c', reason: 'changed' },
        { kind: 'create', name: 'a', reason: 'new' },
      ],
    ],
    [
      'pushed before but deleted from the cloud',
      { local, lastPushed, remote: [], names: ['b'] },
      [{ kind: 'create', name: 'b', reason: 'missing-in-cloud' }],
    ],
    ['an empty names list means all', { local: [], lastPushed, remote, names: [] }, []],
  ])('%s', (_, input, expected) => {
    expect(planPush(input)).toEqual(expected);
  });

  it('matches remote names case-sensitively', () => {
    const plan = planPush({ local: [{ name: 'B', fingerprint: 'x' }], lastPushed, remote: [] });
    expect(plan).toEqual([{ kind: 'create', name: 'B', reason: 'new' }]);
  });

  it('refuses names that are not in the vault, listing all of them', () => {
    const run = () => planPush({ local, lastPushed, remote, names: ['a', 'zz', 'A'] });
    expect(run).toThrow(UsageError);
    expect(run).toThrow('not in the vault: zz, A');
  });
});

describe('executePush', () => {
  const PID_ = 'project-1';
  const PID = teamspaceScope(PID_);
  const VALUES: Record<string, string> = { a: 'value-a', b: 'value-b', c: 'value-c' };
  const getValue = (name: string) => VALUES[name]!;
  let server: CloudServer;

  beforeEach(async () => {
    server = await startCloudServer({ secrets: { [PID_]: [{ name: 'b', value: 'old-b' }] } });
  });
  afterEach(() => server.close());

  async function plan(names?: string[]) {
    const remoteNow = await listCloudSecrets(clientFor(server), PID);
    const locals = Object.keys(VALUES).map((name) => ({ name, fingerprint: `f-${name}` }));
    return planPush({ local: locals, lastPushed: new Map(), remote: remoteNow, names });
  }

  it('creates and updates one by one, reporting progress', async () => {
    const actions = await plan();
    const seen: [string, number, number][] = [];
    const results = await executePush(clientFor(server), PID, actions, getValue, (r, done, total) =>
      seen.push([r.name, done, total]),
    );
    expect(results.map((r) => [r.name, r.outcome, r.ok])).toEqual([
      ['a', 'created', true],
      ['b', 'updated', true],
      ['c', 'created', true],
    ]);
    expect(seen).toEqual([
      ['a', 1, 3],
      ['b', 2, 3],
      ['c', 3, 3],
    ]);
    const stored = Object.fromEntries(server.secretsOf().map((s) => [s.name, s.value]));
    expect(stored).toEqual(VALUES);
    expect(JSON.stringify(results)).not.toMatch(/value-/);
  });

  it('hides an earlier value a later answer echoes, and keeps none once the push ends', async () => {
    const client = clientFor(server);
    // The cloud refuses c's request with an answer that echoes a's value.
    const refusingC = (name: string) => {
      if (name === 'c') server.failNext(1, { status: 400, message: 'echo value-a' });
      return getValue(name);
    };
    const within = await executePush(client, PID, await plan(['a', 'c']), refusingC);
    expect(within.map((r) => r.outcome)).toEqual(['created', 'failed']);
    expect(within[1]!.error).toContain('echo [hidden]');
    // The push is over: a's value is no longer held, so a later answer is shown as is.
    const after = await executePush(client, PID, await plan(['c']), refusingC);
    expect(after[0]!.error).toContain('echo value-a');
  });

  it('turns a 409 into one re-list and a PUT, never a second POST', async () => {
    const actions = await plan(['a']);
    server.state.secrets.get(PID_)!.push({
      id: 'sec-raced',
      name: 'a',
      value: 'theirs',
      createdAt: '',
      updatedAt: '',
    });
    server.requests.length = 0;
    const [result] = await executePush(clientFor(server), PID, actions, getValue);
    expect(result).toMatchObject({
      name: 'a',
      action: 'create',
      outcome: 'updated',
      ok: true,
      id: 'sec-raced',
    });
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 409',
      'GET 200',
      'PUT 200',
    ]);
    expect(server.secretsOf().find((s) => s.id === 'sec-raced')?.value).toBe('value-a');
  });

  it('keeps going after a failed secret; a POST answered 500 is not retried', async () => {
    const actions = await plan();
    server.requests.length = 0;
    server.failNext(1, 500);
    const results = await executePush(clientFor(server), PID, actions, (name) => {
      if (name === 'b') throw new UsageError('b is damaged');
      return getValue(name);
    });
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'failed', 'created']);
    expect(results[0]?.error).toContain('HTTP 500');
    expect(results[1]?.error).toBe('b is damaged');
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 500', 'POST 200']);
  });

  it('stops sending after a failure every secret would repeat (401)', async () => {
    const actions: PushAction[] = [{ kind: 'unchanged', name: 'x', id: 'id-x' }, ...(await plan())];
    server.requests.length = 0;
    const bad = new CloudClient(server.url, new Credentials('user-1', 'wrong-key', 'environment'));
    const results: PushResult[] = await executePush(bad, PID, actions, getValue);
    expect(results.map((r) => r.outcome)).toEqual(['unchanged', 'failed', 'skipped', 'skipped']);
    expect(results[1]?.hint).toContain('LIGHTNING_API_KEY');
    expect(results[2]?.error).toContain('pushing a failed');
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(results)).not.toContain('wrong-key');
  });
});
