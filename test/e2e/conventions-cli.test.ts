// The command-line conventions users bring from gh, Doppler and 1Password (peers.md §3,
// DESIGN §2): help with examples, --version, did-you-mean for typos, exit codes, shell
// completion that really completes, and no colour or escape bytes where none belong.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseEnv,
  initVault,
  lsecBin,
  PASSPHRASE,
  REPO,
  runCli,
  tempDir,
  tempHome,
} from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

// Written out, not read from the command table, so a command dropped from the table
// (and so from help and completion) fails here. DESIGN §2 lists these.
// biome-ignore format: a compact list reads better than one name per line
const COMMANDS = [
  'init', 'list', 'add', 'set', 'get', 'rm', 'passwd', 'map', 'unmap', 'env', 'unenv',
  'show', 'launch', 'run', 'import', 'push', 'remote', 'completion',
];
// biome-ignore format: a compact list reads better than one name per line
const FLAGS = [
  'json', 'names', 'yes', 'new-passphrase-file', 'passphrase-file', 'profile', 'dir',
  'local', 'dry-run', 'no-verify', 'overwrite', 'force', 'help',
];

const ESC = '\x1b';
// Any colour (30–37, 90–97, 38;…) in an SGR sequence.
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m/;
const hasShell = (name: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

describe('help and version', () => {
  it('lsec --help lists every command, with exit codes, on stdout', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/Exit codes: 0 done, 1 runtime failure, 2 usage/);
    expect(r.stderr).toBe('');
  });

  it('lsec COMMAND --help works for every command, with usage and an example', async () => {
    const results = await Promise.all(COMMANDS.map((c) => runCli([c, '--help'])));
    results.forEach((r, i) => {
      const c = COMMANDS[i]!;
      expect(r.code, `${c}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: lsec ${c}\\b`));
      // An example is a runnable command line, under its own heading.
      expect(r.stdout, c).toMatch(new RegExp(`\\nExamples:\\n(  .*\\n)*  .*lsec ${c}\\b`));
    });
    // `-h` and `lsec help COMMAND` are the same help.
    expect((await runCli(['import', '-h'])).stdout).toBe(
      results[COMMANDS.indexOf('import')]!.stdout,
    );
    expect((await runCli(['help', 'import'])).stdout).toBe(
      results[COMMANDS.indexOf('import')]!.stdout,
    );
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`lsec ${version}\n`);
  });
});

describe('mistakes are exit 2 with the closest match', () => {
  it('an unknown command suggests the command meant', async () => {
    const r = await runCli(['lst']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('lsec: error: unknown command "lst"\n  did you mean: lsec list?\n');
    const far = await runCli(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/see: lsec --help/);
  });

  it('an unknown flag suggests the flag meant', async () => {
    const r = await runCli(['list', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option --jsn for lsec list\n {2}did you mean --json\?/);
    const imp = await runCli(['import', '.env', '--overwirte']);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/did you mean --overwrite\?/);
  });
});

describe('without a terminal', () => {
  it('lsec alone prints help on stderr, exits 2, never starts the TUI', async () => {
    // Colour allowed by the environment: escape bytes could only come from Ink.
    const r = await runCli([], {
      env: { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lsec — .*\n\nUsage:/);
    expect(r.stderr).toMatch(/not a terminal, so the TUI cannot open; give a command/);
    expect(r.stdoutBytes.includes(ESC)).toBe(false);
    expect(r.stderrBytes.includes(ESC)).toBe(false);
  });

  it('a command that needs the passphrase and has none exits 3 naming both ways to give it', async () => {
    const { home } = await initVault();
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'A=1\n');
    const cmds = [
      ['get', 'x'],
      ['set', 'x'],
      ['add', 'x'],
      ['rm', 'x', '--yes'],
      ['passwd'],
      ['import', '.env'],
      // (push is left out: it asks for Lightning credentials before the passphrase.)
    ];
    const runs = cmds.map((args) => runCli(args, { home, cwd: dir, input: 'value\n' }));
    runs.push(runCli(['init'], { home: tempHome() }));
    for (const [i, r] of (await Promise.all(runs)).entries()) {
      const what = (cmds[i] ?? ['init']).join(' ');
      expect(r.code, `${what}: ${r.stderr}`).toBe(3);
      expect(r.stderr, what).toMatch(/LSEC_PASSPHRASE/);
      expect(r.stderr, what).toMatch(/--passphrase-file/);
    }
  });
});

describe('completion scripts', async () => {
  const scripts = Object.fromEntries(
    await Promise.all(
      ['bash', 'zsh', 'fish'].map(async (shell) => {
        const r = await runCli(['completion', shell]);
        expect(r.code, r.stderr).toBe(0);
        return [shell, r.stdout] as const;
      }),
    ),
  ) as Record<'bash' | 'zsh' | 'fish', string>;

  /** `SHELL -n FILE` (parse only): '' when it parses, else the shell's complaint. */
  const checkSyntax = (shell: string, script: string): string => {
    // A file, not stdin: fish -n does not read a script from a pipe.
    const file = join(tempDir('lsec-completion-'), `lsec.${shell}`);
    writeFileSync(file, script);
    const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    return r.status === 0 ? '' : `exit ${r.status}: ${r.stderr}`;
  };

  it('each shell gets every command, every flag, and secret names from lsec list --names', () => {
    for (const [shell, script] of Object.entries(scripts)) {
      for (const c of COMMANDS) expect(script, `${shell} ${c}`).toMatch(new RegExp(`\\b${c}\\b`));
      for (const f of FLAGS) {
        expect(script, `${shell} --${f}`).toContain(shell === 'fish' ? `-l ${f}` : `--${f}`);
      }
      expect(script).toContain('lsec list --names');
    }
  });

  it('bash -n accepts the bash script', () => {
    expect(checkSyntax('bash', scripts.bash)).toBe('');
  });

  it('zsh -n accepts the zsh script (when zsh is installed)', (ctx) => {
    ctx.skip(!hasShell('zsh'), 'zsh is not installed');
    expect(checkSyntax('zsh', scripts.zsh)).toBe('');
  });

  it('fish -n accepts the fish script (when fish is installed)', (ctx) => {
    ctx.skip(!hasShell('fish'), 'fish is not installed');
    expect(checkSyntax('fish', scripts.fish)).toBe('');
  });

  it('an unknown shell is exit 2 naming the ones supported', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown shell "tcsh"\n.*bash\|zsh\|fish/);
  });
});

describe('completion in a real shell', async () => {
  // `lsec` on PATH is the test binary, reading this vault: what a user's shell runs.
  const { home } = await initVault({
    secrets: { 'prod-db': 'v1', 'prod-api': 'v2', staging: 'v3' },
  });
  const binDir = tempDir('lsec-path-');
  symlinkSync(lsecBin(), join(binDir, 'lsec'));
  const cwd = tempDir('lsec-cwd-');
  const env = {
    ...baseEnv(home),
    PATH: [binDir, dirname(process.execPath), process.env.PATH].join(delimiter),
  };
  const shell = (cmd: string, script: string): string =>
    execFileSync(cmd, ['-c', script], { env, cwd, encoding: 'utf8', timeout: 20_000 });
  /** What `_lsec` offers for the words typed so far (the last one being completed). */
  const bashOffers = (words: string): string[] =>
    shell(
      'bash',
      `source <(lsec completion bash); COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _lsec; printf '%s\\n' "\${COMPREPLY[@]}"`,
    )
      .split('\n')
      .filter(Boolean)
      .sort();

  it('bash completes a secret name, a command and a flag', () => {
    expect(bashOffers('lsec get pr')).toEqual(['prod-api', 'prod-db']);
    expect(bashOffers('lsec rm st')).toEqual(['staging']);
    expect(bashOffers('lsec im')).toEqual(['import']);
    expect(bashOffers('lsec list --j')).toEqual(['--json']);
    expect(bashOffers('lsec remote r')).toEqual(['rm']);
  });

  it('bash leaves file arguments to its own file completion', () => {
    // An empty reply plus `complete -o default` is how bash falls back to file names.
    expect(shell('bash', 'source <(lsec completion bash); complete -p lsec')).toMatch(/-o default/);
    expect(bashOffers('lsec import .e')).toEqual([]);
    expect(bashOffers('lsec get --passphrase-file pr')).toEqual([]);
  });

  it('fish completes a secret name and an import file (when fish is installed)', (ctx) => {
    ctx.skip(!hasShell('fish'), 'fish is not installed');
    const offers = (line: string) =>
      shell('fish', `lsec completion fish | source; complete -C '${line}'`)
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(offers('lsec get pr').filter(Boolean).sort()).toEqual(['prod-api', 'prod-db']);
    execFileSync('touch', [join(cwd, '.env')]);
    expect(offers('lsec import .e')).toContain('.env');
  });

  it('zsh loads the script and defines _lsec (when zsh is installed)', (ctx) => {
    ctx.skip(!hasShell('zsh'), 'zsh is not installed');
    const out = shell(
      'zsh',
      'autoload -U compinit; compinit -u; source <(lsec completion zsh); whence -w _lsec',
    );
    expect(out.trim()).toBe('_lsec: function');
  });
});

// The CLI writes plain text only: no colour even on a terminal that asks for it.
// Each output is read back from a real terminal (tmux, escapes kept), and the same
// capture is shown to see colour when lsec draws it (the TUI), so the check can fail.
describe('no colour from the CLI', async () => {
  const { home } = await initVault({ secrets: { 'some-name': 'v' } });
  const outputs: [string, string[], Record<string, string>?][] = [
    ['help', ['--help']],
    ['command help', ['list', '--help']],
    ['list', ['list']],
    ['unknown command', ['lst']],
    ['unknown flag', ['list', '--jsn']],
    ['locked', ['get', 'some-name'], { LSEC_PASSPHRASE: 'not-the-passphrase' }],
  ];
  // Everything that could ask for colour; NO_COLOR is not set.
  const colourful = { LSEC_HOME: home, FORCE_COLOR: '3', COLORTERM: 'truecolor' };

  it.skipIf(!hasShell('tmux'))(
    'none in help, list or errors, even with FORCE_COLOR on a terminal',
    async () => {
      const tui = await openTerminal({
        command: [process.execPath, lsecBin()],
        env: { ...colourful, LSEC_PASSPHRASE: PASSPHRASE },
      });
      await tui.waitFor('❯ some-name');
      expect(tui.capture({ escapes: true }), 'the TUI, as a positive control').toMatch(COLOUR);
      tui.close();

      for (const [what, args, env] of outputs) {
        const term = await openTerminal({
          command: [process.execPath, lsecBin(), ...args],
          env: { ...colourful, ...env },
        });
        await term.exitCode();
        const shown = term.capture({ escapes: true });
        expect(shown, what).toMatch(/lsec|NAME/);
        expect(shown, what).not.toMatch(COLOUR);
        term.close();
      }
    },
  );
});
