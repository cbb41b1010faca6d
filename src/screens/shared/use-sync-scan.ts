// Each secret's state (same, differs, only here, only there) for the open vault
// against the cloud's list. Fingerprints are compared in small slices between turns
// of the event loop (SyncScan), so a key never waits behind a scan.
import { useEffect, useMemo, useState } from 'react';
import type { RemoteSecret } from '../../cloud/secrets.js';
import { SyncScan } from '../../cloud/sync-scan.js';
import type { Vault } from '../../store/vault.js';

/**
 * Fingerprint work per slice (a key that arrives mid-slice waits for it: with 10,000
 * secrets, 8 ms slices doubled a cursor move's latency, 4 ms cost ~3 ms), and the
 * least time between two re-renders the scan causes.
 */
const SLICE_MS = 4;
const REDRAW_MS = 100;

/**
 * The scan (null until there is a list and an unlocked vault) and a `version` that
 * changes whenever states resolve, so memoized rows redraw. The vault is one object
 * for the session: `revision` is what says its contents moved.
 */
export function useSyncScan(
  vault: Vault | null,
  remote: readonly RemoteSecret[] | undefined,
  revision: number,
): { scan: SyncScan | null; version: number } {
  const [version, setVersion] = useState(0);

  // A new scan whenever the vault's contents or the cloud's list change, made during
  // render so no frame pairs a new list with old states; its first slice runs here
  // too, so a small vault never shows "…" at all.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision, see above
  const scan = useMemo(() => {
    if (!vault || !remote || vault.locked) return null;
    const fresh = new SyncScan(vault, remote);
    fresh.step(SLICE_MS);
    return fresh;
  }, [vault, remote, revision]);

  useEffect(() => {
    if (!scan || scan.pending === 0) return;
    let handle: NodeJS.Immediate | undefined;
    let drawn = 0;
    const tick = () => {
      const done = scan.step(SLICE_MS);
      const now = performance.now();
      // Redraw at most every REDRAW_MS, and once at the end.
      if (done.length > 0 && (scan.pending === 0 || now - drawn >= REDRAW_MS)) {
        drawn = now;
        setVersion((v) => v + 1);
      }
      // Nothing done with work left means the vault was locked: stop.
      if (scan.pending > 0 && done.length > 0) handle = setImmediate(tick);
    };
    handle = setImmediate(tick);
    return () => {
      if (handle) clearImmediate(handle);
    };
  }, [scan]);

  return { scan, version };
}
