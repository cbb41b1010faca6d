// What the launch screen reads from disk and the vault, read again each time the
// screen comes back into view (from the mappings, or with another profile chosen
// there). One reason to change: where the screen's inputs come from.
import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../store/project-schema.js';
import type { Vault } from '../../store/vault.js';
import { loadProfile } from '../shared/profile-project.js';
import { vaultNamesOf } from './load.js';

export interface LaunchSources {
  loaded: { profile: Profile; error?: string };
  vaultNames: ReadonlySet<string>;
  /** Bumped on each re-read, so the launcher is looked for again too. */
  generation: number;
}

export function useLaunchSources(input: {
  active: boolean;
  projectDir: string;
  profileName: string;
  vault: Vault | null;
  /** Told when the profile was read again; `other` when it is another profile. */
  onReload: (profile: Profile, other: boolean) => void;
}): LaunchSources {
  const { active, projectDir, profileName, vault, onReload } = input;
  const [sources, setSources] = useState<LaunchSources>(() => ({
    loaded: loadProfile(projectDir, profileName),
    vaultNames: vaultNamesOf(vault),
    generation: 0,
  }));
  const shownOnce = useRef(false);
  const loadedName = useRef(profileName);
  useEffect(() => {
    if (!active) return;
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    const loaded = loadProfile(projectDir, profileName);
    setSources((s) => ({ loaded, vaultNames: vaultNamesOf(vault), generation: s.generation + 1 }));
    onReload(loaded.profile, profileName !== loadedName.current);
    loadedName.current = profileName;
  }, [active, projectDir, profileName, vault, onReload]);
  return sources;
}
