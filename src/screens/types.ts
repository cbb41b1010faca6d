// The contract between the root (src/app.tsx) and the screens. A screen never
// exits or renders by itself: it asks the root through `nav`, from an effect.
import type { KeyHint } from '../components/key-help.js';
import type { Vault } from '../store/vault.js';
import type { Draft } from './mappings/draft.js';
import type { CloudView } from './shared/use-cloud-state.js';

/** What the TUI hands back to runTui once it has unmounted. */
export type Outcome =
  | {
      code: number;
      /** Printed to stderr after the terminal is restored (the TUI screen is gone by then). */
      message?: string;
    }
  | { launch: LaunchRequest };

/** A child to run after Ink has unmounted and the terminal is restored (DESIGN §5). */
export interface LaunchRequest {
  bin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Printed to stderr once the terminal is restored, e.g. the command being launched. */
  notice?: string;
}

/** Every screen and its route parameters. Adding a screen: one line here, one in registry.ts. */
export interface Routes {
  create: Record<never, never>;
  unlock: {
    /** Shown above the field, e.g. why the vault was locked. */
    notice?: string;
    /** Tried once at mount (LSEC_PASSPHRASE); never kept for a later unlock. */
    passphrase?: string;
  };
  home: Record<never, never>;
  edit: { /** Edit this secret's value; absent: add a new secret. */ name?: string };
  delete: { name: string };
  /** Rename this secret (home's n). */
  rename: { name: string };
  help: { title: string; keys: readonly KeyHint[] };
  /** Env-var mappings and plain variables of the session's profile. */
  mappings: Record<never, never>;
  /** Pre-flight and launch; `now` (home's L) launches as soon as every check passes. */
  launch: { now?: boolean };
  /** Push to the Lightning cloud; `name` is the secret selected on home, if any. */
  push: { name?: string };
}

export type ScreenName = keyof Routes;
export type Route<K extends ScreenName = ScreenName> = { [P in K]: { screen: P } & Routes[P] }[K];

/** The last change to the vault's contents, so the list can reload and select. */
export interface Change {
  /** Increases on every change. */
  revision: number;
  /** Select this secret after reloading. */
  select?: string;
  /** A one-line confirmation such as "Deleted github-api-token". */
  notice?: string;
  /** A one-line warning instead, such as a vault older than one seen before. */
  warning?: string;
}

/** What a screen may ask of the root. Call these from effects, not key handlers. */
export interface Nav {
  /** Open a screen on top of this one. */
  push(route: Route): void;
  /** Back to the screen below. */
  pop(): void;
  /** The vault is open: the stack becomes the home screen. */
  unlocked(vault: Vault): void;
  /** The vault's contents changed (the list reloads). */
  changed(change: Omit<Change, 'revision'>): void;
  /** Leave the TUI. */
  exit(outcome: Outcome): void;
  /** Make `name` the profile that launch screens and home's L use. */
  selectProfile(name: string): void;
}

/** Unsaved mappings: names and plain variables only, never a secret's value. */
export interface KeptMappings {
  projectDir: string;
  profileName: string;
  draft: Draft;
  /** The profile as saved, to tell what is unsaved ('' when it never was). */
  saved: string;
}

/**
 * Unsaved edits the root keeps across an auto-lock, which unmounts every screen:
 * they hold names, not values, so keeping them keeps no secret in memory.
 */
export interface Drafts {
  mappings?: KeptMappings;
}

/** What every screen can read. */
export interface Session {
  home: string;
  /** The vault file, for messages and the status bar. */
  vaultPath: string;
  /** Open while unlocked; locked and dropped on auto-lock and exit. */
  vault: Vault | null;
  /** PBKDF2 iterations for a new vault (LSEC_ITERATIONS, as `lsec init`). */
  iterations: number;
  change: Change;
  /** The app's folder: --dir, else the nearest with .lsec.json, else the working directory. */
  projectDir: string;
  /** The selected profile's name (default unless chosen on the mappings screen). */
  profileName: string;
  /** The environment the launcher is looked up in and a launched child inherits. */
  env: NodeJS.ProcessEnv;
  /** The cloud's list and states; absent without Lightning credentials (no requests). */
  cloud?: CloudView;
  /** Unsaved edits kept across an auto-lock; screens write and clear their own. */
  drafts: Drafts;
}

export interface ScreenProps<K extends ScreenName = ScreenName> {
  route: Route<K>;
  nav: Nav;
  session: Session;
  /** Only the top screen listens to keys and shows. */
  active: boolean;
}
