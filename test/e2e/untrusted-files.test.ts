// Issue 11.4: files and folders someone else could have planted or changed. In a
// shared writable folder another user's `.lsec.json` injected BASH_ENV and mapped the
// victim's secret into a `lsec run` child; a link at seen.json made a plain `get`
// overwrite the link's target. Each attack is performed through the real binary.
// The tests run as root, so another user's files are made with chown; where the
// check needs a victim who is not root, lsec runs as nobody (setpriv).
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canSwitchUser, NOBODY, nobodysFolder, runAsNobody } from '../helpers/as-user.js';
import { initVault, PASSPHRASE, runCli, tempDir, vaultPath } from '../helpers/cli.js';

const SECRET = 'SENTINEL-victim-value';
const OTHER_UID = 4242; // a user who is neither the victim nor root
const asRoot = process.getuid?.() === 0;

let home: string;

beforeAll(async () => {
  ({ home } = await initVault({ secrets: { 'my-secret': SECRET } }));
});

/** The attacker's project file: maps the victim's secret and sets BASH_ENV. */
function hostileProject(dir: string, uid = OTHER_UID): string {
  const hook = join(dir, 'hook.sh');
  writeFileSync(hook, `printf 'LEAKED:%s\\n' "$LEAK" >&2\n`);
  const file = join(dir, '.lsec.json');
  const profile = { env: { BASH_ENV: hook }, secrets: { LEAK: 'my-secret' } };
  writeFileSync(file, JSON.stringify({ version: 1, profiles: { default: profile } }));
  chownSync(file, uid, uid);
  return file;
}

function ownProject(dir: string, mode = 0o644): string {
  const file = join(dir, '.lsec.json');
  const profile = { env: { FOO: 'bar' }, secrets: { X: 'my-secret' } };
  writeFileSync(file, JSON.stringify({ version: 1, profiles: { default: profile } }));
  chmodSync(file, mode);
  return file;
}

const runIn = (cwd: string, command = 'echo "X=$X FOO=$FOO"') =>
  runCli(['run', '--', 'bash', '-c', command], {
    home,
    cwd,
    env: { LSEC_PASSPHRASE: PASSPHRASE },
  });

/** A shared folder like /tmp (mode 1777) or a careless one (0777). */
function sharedFolder(mode: number): string {
  const dir = join(tempDir('lsec-shared-'), 'shared');
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}

describe.runIf(asRoot)('a project file someone else could have written is refused', () => {
  for (const mode of [0o1777, 0o777]) {
    it(`another user's .lsec.json in a shared ${mode.toString(8)} folder: refused, nothing runs`, async () => {
      const shared = sharedFolder(mode);
      const file = hostileProject(shared);
      const app = join(shared, 'victim-app');
      mkdirSync(app);
      const r = await runIn(app, 'echo ran');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `refusing the project file ${file}: it is owned by another user (uid ${OTHER_UID})`,
      );
      expect(r.stderr).toMatch(/chown|remove it/);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout).not.toContain('ran');
    });
  }

  it('a .lsec.json of yours that others may write: refused, with chmod as the fix', async () => {
    const dir = tempDir('lsec-proj-');
    const file = ownProject(dir, 0o666);
    const r = await runIn(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing the project file ${file}: it is writable by other users`);
    expect(r.stderr).toContain(`chmod go-w ${file}`);
    chmodSync(file, 0o644);
    const ok = await runIn(dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(`X=${SECRET} FOO=bar\n`);
  });

  it('your .lsec.json in a folder others may write (no sticky bit): refused, naming the folder', async () => {
    const shared = sharedFolder(0o777);
    ownProject(shared);
    const sub = join(shared, 'sub');
    mkdirSync(sub);
    const r = await runIn(sub);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `refusing the project folder ${shared}: it is writable by other users`,
    );
  });

  it('a project of yours inside a sticky /tmp-like folder works, as does your file in it', async () => {
    const shared = sharedFolder(0o1777);
    const app = join(shared, 'x');
    mkdirSync(app, { mode: 0o755 });
    ownProject(app);
    const r = await runIn(app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`X=${SECRET} FOO=bar\n`);
    // Directly in the sticky folder: nobody else can replace a file of yours there.
    ownProject(shared);
    const direct = await runIn(shared);
    expect(direct.code, direct.stderr).toBe(0);
  });

  it('a folder walked through that another user owns: refused', async () => {
    const top = tempDir('lsec-proj-');
    ownProject(top);
    const theirs = join(top, 'theirs');
    mkdirSync(theirs);
    chownSync(theirs, OTHER_UID, OTHER_UID);
    const r = await runIn(theirs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing the folder ${theirs}: it is owned by another user`);
    expect(r.stderr).toContain('lsec walked through it to find');
  });

  it('a .lsec.json that is a link: refused, and `map` never writes through it', async () => {
    const dir = tempDir('lsec-proj-');
    const target = join(tempDir('lsec-target-'), 'victim.json');
    const original = JSON.stringify({ version: 1, profiles: {} });
    writeFileSync(target, original);
    symlinkSync(target, join(dir, '.lsec.json'));
    const r = await runCli(['map', 'A=my-secret'], { home, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(readFileSync(target, 'utf8')).toBe(original);
  });
});

describe.runIf(asRoot)('LSEC_HOME and its files', () => {
  it('a link at seen.json: a plain get is refused and never writes the target', async () => {
    const { home: h, pass: p } = await initVault({ secrets: { k: 'v' } });
    const target = join(tempDir('lsec-target-'), 'precious');
    writeFileSync(target, 'precious data\n');
    const seen = join(h, 'seen.json');
    rmSync(seen, { force: true });
    symlinkSync(target, seen);
    const r = await runCli(['get', 'k', '--passphrase-file', p], { home: h });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing the file ${seen}: it is a symbolic link`);
    expect(r.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe('precious data\n');
  });

  it('a link at vault.json: refused (a write would have gone to its target)', async () => {
    const { home: h, pass: p } = await initVault({ secrets: { k: 'v' } });
    const elsewhere = join(tempDir('lsec-target-'), 'vault.json');
    cpSync(vaultPath(h), elsewhere);
    rmSync(vaultPath(h));
    symlinkSync(elsewhere, vaultPath(h));
    const before = readFileSync(elsewhere);
    const r = await runCli(['set', 'k', '--passphrase-file', p], { home: h, input: 'new' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(readFileSync(elsewhere).equals(before)).toBe(true);
  });

  it('a vault.json owned by another user: refused before the passphrase is used', async () => {
    const { home: h, pass: p } = await initVault({ secrets: { k: 'v' } });
    chownSync(vaultPath(h), OTHER_UID, OTHER_UID);
    const r = await runCli(['get', 'k', '--passphrase-file', p], { home: h });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing the file ${vaultPath(h)}: it is owned by another user`);
  });
});

// As a user who is not root, a root-owned project file is trusted (root could change
// anything anyway) and another user's is not.
describe.runIf(canSwitchUser)('run as an unprivileged user', () => {
  const asNobody = (args: string[], cwd: string) => runAsNobody(args, { cwd });

  function plainProject(dir: string, uid: number): string {
    const file = join(dir, '.lsec.json');
    const profile = { env: { FOO: 'from-the-file' }, secrets: {} };
    writeFileSync(file, JSON.stringify({ version: 1, profiles: { default: profile } }));
    chmodSync(file, 0o644);
    chownSync(file, uid, uid);
    return file;
  }

  it("another user's .lsec.json is refused; nothing runs", async () => {
    const dir = nobodysFolder();
    const file = plainProject(dir, OTHER_UID);
    const r = await asNobody(['run', '--', 'sh', '-c', 'echo "FOO=$FOO"'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`refusing the project file ${file}: it is owned by another user`);
    expect(r.stdout).toBe('');
  });

  it('your own and a root-owned .lsec.json are trusted', async () => {
    for (const uid of [NOBODY, 0]) {
      const dir = nobodysFolder();
      plainProject(dir, uid);
      const r = await asNobody(['run', '--', 'sh', '-c', 'echo "FOO=$FOO"'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('FOO=from-the-file\n');
    }
  });

  it('a world-writable LSEC_HOME of your own is refused before any lock is taken', async () => {
    const dir = nobodysFolder();
    const lsecHome = join(dir, '.home');
    mkdirSync(lsecHome, { mode: 0o777 });
    chmodSync(lsecHome, 0o777);
    chownSync(lsecHome, NOBODY, NOBODY);
    writeFileSync(join(dir, 'pass'), `${PASSPHRASE}\n`);
    chownSync(join(dir, 'pass'), NOBODY, NOBODY);
    const r = await asNobody(['init', '--passphrase-file', join(dir, 'pass')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `refusing the lsec folder ${lsecHome}: it is writable by other users`,
    );
    expect(existsSync(vaultPath(lsecHome))).toBe(false);
  });
});
