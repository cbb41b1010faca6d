// The MAPPED column: which env name(s) each secret becomes in the session's profile.
// .lsec.json is read after the list shows, and again whenever home comes back on top
// (the mappings screen may have saved) or the vault changed.
import { useEffect, useState } from 'react';
import { loadProfile } from '../shared/profile-project.js';

/** Secret name -> "API_KEY" or "API_KEY, OTHER" (names only, in mapping order). */
export type MappedNames = ReadonlyMap<string, string>;

/** The env names per secret of a profile's `secrets` (ENV -> secret). */
export function mappedNames(secrets: Readonly<Record<string, string>>): MappedNames {
  const out = new Map<string, string>();
  for (const [env, secret] of Object.entries(secrets)) {
    const before = out.get(secret);
    out.set(secret, before ? `${before}, ${env}` : env);
  }
  return out;
}

export function useMappedNames(
  dir: string,
  profile: string,
  active: boolean,
  revision: number,
): MappedNames | undefined {
  const [mapped, setMapped] = useState<MappedNames>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` re-reads after a vault change
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => {
      const { profile: found, error } = loadProfile(dir, profile);
      // A broken .lsec.json is the mappings and launch screens' to explain.
      setMapped(error ? undefined : mappedNames(found.secrets));
    }, 0);
    return () => clearTimeout(timer);
  }, [dir, profile, active, revision]);
  return mapped;
}
