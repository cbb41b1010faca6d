// Every key of the launch screen, for `?`.
import type { KeyHint } from '../../components/key-help.js';

export const LAUNCH_HELP: readonly KeyHint[] = [
  { keys: 'Enter', what: "launch once every check passes (lsec exits with the app's code)" },
  { keys: 'f', what: 'the whole command on a page of its own (y there launches it)' },
  { keys: 'c', what: 'switch between a cloud run and a local run' },
  { keys: 't', what: 'switch the target: run app, or a deployment (lightning-sdk)' },
  { keys: 'a', what: 'set the app file when the profile names none' },
  { keys: 'v', what: 'stop or start asking the cloud for the mapped secrets (--no-verify)' },
  { keys: 'r', what: 'ask the cloud again' },
  { keys: 'm', what: 'open the mappings to fix a problem' },
  { keys: '↑/↓  j/k', what: 'scroll the checks' },
  { keys: 'Esc', what: 'back' },
  { keys: 'q', what: 'quit lsec' },
  { keys: '?', what: 'this help' },
];
