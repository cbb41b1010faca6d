// The click option tables lsec checks a launch argv against (reference/lightning.md
// §9 for `run app`, lightning-today.md §c for `deployment create|update`). One row
// per option; a row names the releases that accept it, so a release's table is the
// rows that list it.

/** `run app` option sets that differ: 1.8.x, 1.9.x, and 2.0 to 2.3 (apps end in 2.4). */
export const APP_RELEASES = ['1.8', '1.9', '2.x'] as const;
export type AppRelease = (typeof APP_RELEASES)[number];

/** flag: no value; value: one word; bool: one word click reads as a boolean. */
export type OptionKind = 'flag' | 'value' | 'bool';

export interface OptionRow {
  names: readonly string[];
  kind: OptionKind;
  /** Releases whose `run app` declares it; undefined for deployment rows. */
  releases?: readonly AppRelease[];
  /** Deployment rows: which subcommands declare it. */
  commands?: readonly ('create' | 'update')[];
}

const ALL = APP_RELEASES;

export const RUN_APP_OPTIONS: readonly OptionRow[] = [
  { names: ['--cloud'], kind: 'flag', releases: ALL },
  { names: ['--cluster-id'], kind: 'value', releases: ['1.8', '1.9'] },
  { names: ['--name'], kind: 'value', releases: ALL },
  { names: ['--without-server'], kind: 'flag', releases: ALL },
  { names: ['--no-cache'], kind: 'flag', releases: ALL },
  { names: ['--blocking'], kind: 'bool', releases: ALL },
  { names: ['--open-ui'], kind: 'bool', releases: ALL },
  { names: ['--env'], kind: 'value', releases: ALL },
  { names: ['--secret'], kind: 'value', releases: ALL },
  { names: ['--app_args'], kind: 'value', releases: ALL },
  { names: ['--setup', '-s'], kind: 'flag', releases: ['1.9', '2.x'] },
  { names: ['--enable-basic-auth'], kind: 'value', releases: ['1.9', '2.x'] },
  { names: ['--help'], kind: 'flag', releases: ALL },
];

const BOTH = ['create', 'update'] as const;
const CREATE = ['create'] as const;
const value = (names: string[], commands: readonly ('create' | 'update')[] = BOTH): OptionRow => ({
  names,
  kind: 'value',
  commands,
});
const flag = (names: string[], commands: readonly ('create' | 'update')[] = BOTH): OptionRow => ({
  names,
  kind: 'flag',
  commands,
});

export const DEPLOYMENT_OPTIONS: readonly OptionRow[] = [
  value(['--name'], CREATE),
  value(['--teamspace']),
  value(['--new-name'], ['update']),
  value(['--image']),
  value(['--studio'], CREATE),
  value(['--machine']),
  value(['--port']),
  value(['--command']),
  value(['--entrypoint']),
  value(['--cloud']),
  value(['--replicas']),
  value(['--min-replicas']),
  value(['--max-replicas']),
  value(['--autoscale-metric'], CREATE),
  value(['--autoscale-threshold'], CREATE),
  value(['--env', '-e']),
  value(['--secret']),
  flag(['--interruptible', '--no-interruptible']),
  value(['--quantity']),
  value(['--max-runtime']),
  flag(['--include-credentials', '--no-include-credentials']),
  value(['--custom-domain']),
  value(['--basic-auth']),
  value(['--token-auth']),
  flag(['--api-key-auth']),
  value(['--path-mapping', '--path_mapping']),
  value(['--path-mappings', '--path_mappings']),
  value(['--model'], CREATE),
  value(['--hf-token-secret'], CREATE),
  value(['--serving-image-variant'], CREATE),
  value(['--quantization'], CREATE),
  value(['--dtype'], CREATE),
  value(['--tensor-parallel-size'], CREATE),
  value(['--max-model-len'], CREATE),
  value(['--gpu-memory-utilization'], CREATE),
  value(['--vllm-arg'], CREATE),
  value(['--ack'], CREATE),
  flag(['--enable-weight-reload', '--no-enable-weight-reload'], CREATE),
  flag(['--force'], CREATE),
  flag(['--dry-run'], CREATE),
  flag(['--json'], CREATE),
  value(['--max-surge'], ['update']),
  value(['--max-unavailable'], ['update']),
  flag(['--help']),
];

/** The rows one release's `run app` declares; undefined release: those every release has. */
export function runAppTable(release: AppRelease | undefined): OptionRow[] {
  return RUN_APP_OPTIONS.filter((row) =>
    release ? row.releases?.includes(release) : ALL.every((r) => row.releases?.includes(r)),
  );
}

export function deploymentTable(command: 'create' | 'update'): OptionRow[] {
  return DEPLOYMENT_OPTIONS.filter((row) => row.commands?.includes(command));
}

/** The releases of `run app` that declare `name`, for "added in / removed in" messages. */
export function releasesWith(name: string): readonly AppRelease[] {
  return RUN_APP_OPTIONS.find((row) => row.names.includes(name))?.releases ?? [];
}

/** click's BoolParamType spellings, compared after trimming and lower-casing. */
export const CLICK_BOOLEANS = [
  '1',
  '0',
  'true',
  'false',
  't',
  'f',
  'yes',
  'no',
  'y',
  'n',
  'on',
  'off',
];
