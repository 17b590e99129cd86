import { useEffect, useState } from 'react';
import type { RigId } from '../../../src-shared/model/index.js';
import type { FingerprintEntry } from '../../store/optimizer-slice.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * A rig's fingerprint while its panel shows it: fetched when the panel opens, again whenever an `optimizer.device`
 * event brings a new fingerprint version or a new point measured in it, or another version is picked, and released
 * when the panel closes. `picked` null follows the newest version.
 */
export function useFingerprint(
  rigId: RigId,
  liveVersion: number | null,
  livePoints: number,
): { entry: FingerprintEntry | undefined; picked: number | null; pick: (version: number | null) => void } {
  const entry = useAppStore((state) => state.fingerprints[rigId]);
  const loadFingerprint = useAppStore((state) => state.loadFingerprint);
  const releaseFingerprint = useAppStore((state) => state.releaseFingerprint);
  const [picked, pick] = useState<number | null>(null);

  useEffect(() => {
    // liveVersion and livePoints are not read here, only depended on: a new version or point refetches, which also
    // refreshes the versions list while an older version is picked.
    void loadFingerprint(rigId, picked ?? undefined);
  }, [rigId, picked, liveVersion, livePoints, loadFingerprint]);
  useEffect(() => () => releaseFingerprint(rigId), [rigId, releaseFingerprint]);

  return { entry, picked, pick };
}
