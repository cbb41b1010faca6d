// The MAPPED column: which env name(s) each secret becomes in the session's profile.
// .lsec.json is read through conf, which the first frame must not wait for
// (DESIGN §7), so it loads after the list shows, and again whenever home comes back
// on top (the mappings screen may have saved) or the vault changed.
import { useEffect, useState } from 'react';

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
    let current = true;
    const timer = setTimeout(() => {
      import('../../store/project.js').then(
        ({ readProject }) => {
          if (!current) return;
          try {
            const { profiles } = readProject(dir).data;
            const found = Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
            setMapped(mappedNames(found?.secrets ?? {}));
          } catch {
            // A broken .lsec.json is the mappings and launch screens' to explain.
            setMapped(undefined);
          }
        },
        () => {},
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dir, profile, active, revision]);
  return mapped;
}
